import { InvalidRequestError } from '../errors/classes.ts'
import type { Deadline } from '../transport/deadline.ts'

export interface Credential {
  value: string | undefined
  kind: 'key' | 'token'
  /**
   * Present when a fresh credential can be had after a 401 (a token function, a service
   * account): the caller asks for it at most once per call.
   */
  refresh?: () => Promise<Credential>
  /** The project a service account names, for routes that set none. */
  vertexProject?: string | undefined
}

export interface CredentialContext {
  deadline: Deadline
  maxRetries: number
  fetch?: typeof globalThis.fetch | undefined
}

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

/** A credential from a caller's token function, asked again for a fresh one after a 401. */
export async function fromFunction(source: () => string | Promise<string>, field: string, context: CredentialContext): Promise<Credential> {
  const fetchToken = async (): Promise<Credential> => ({
    value: await callTokenFunction(source, field, context.deadline),
    kind: 'token',
    refresh: fetchToken,
  })
  return fetchToken()
}
