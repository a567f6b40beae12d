import { InvalidRequestError } from '../errors/classes.ts'
import type { Deadline } from '../transport/deadline.ts'

/**
 * Calls a caller's token function (`azureAdTokenProvider`, `accessToken`) under the call's
 * deadline. Its failures become an `InvalidRequestError` naming the option, with the original
 * error as `cause`, so they are told apart from server errors.
 */
export async function callTokenFunction(
  source: () => string | Promise<string>,
  field: string,
  deadline: Deadline,
): Promise<string> {
  let token: unknown
  try {
    token = await untilAborted(Promise.resolve().then(source), deadline)
  } catch (error) {
    if (deadline.signal.aborted) throw deadline.abortError()
    const reason = error instanceof Error ? error.message : String(error)
    throw new InvalidRequestError(field, `failed to provide a token: ${reason}`, { cause: error })
  }
  if (typeof token !== 'string' || token.trim().length === 0) {
    throw new InvalidRequestError(field, `must return a non-empty token string (got ${token === '' ? 'an empty string' : typeof token})`)
  }
  return token.trim()
}

function untilAborted<T>(promise: Promise<T>, deadline: Deadline): Promise<T> {
  const { signal } = deadline
  if (signal.aborted) return Promise.reject(deadline.abortError())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(deadline.abortError())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
