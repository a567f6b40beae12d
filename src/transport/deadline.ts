import { TimeoutError } from '../errors.ts'

/**
 * One signal for a whole exchange: it aborts when the caller's signal does or when `timeout` ms
 * have passed, and tells the two apart.
 */
export interface Deadline {
  readonly signal: AbortSignal
  /** Rejects after `ms`, or at once when the exchange is aborted. */
  sleep(ms: number): Promise<void>
  /** The error for the abort: the caller's reason, or a `TimeoutError`. */
  abortError(): unknown
  remaining(): number
  dispose(): void
}

export function createDeadline(timeout: number, userSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController()
  const startedAt = Date.now()
  let timedOut = false
  const onUserAbort = () => controller.abort(userSignal!.reason)
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort(new TimeoutError(timeout))
  }, timeout)
  // An unread body must not keep a Node process alive until the deadline.
  ;(timer as { unref?: () => void }).unref?.()
  if (userSignal?.aborted) onUserAbort()
  else userSignal?.addEventListener('abort', onUserAbort, { once: true })

  const abortError = () => (timedOut ? new TimeoutError(timeout) : userAbortReason(userSignal))

  return {
    signal: controller.signal,
    abortError,
    remaining: () => timeout - (Date.now() - startedAt),
    sleep: (ms) =>
      new Promise((resolve, reject) => {
        if (controller.signal.aborted) return reject(abortError())
        const onAbort = () => {
          clearTimeout(wait)
          reject(abortError())
        }
        const wait = setTimeout(() => {
          controller.signal.removeEventListener('abort', onAbort)
          resolve()
        }, ms)
        controller.signal.addEventListener('abort', onAbort, { once: true })
      }),
    dispose() {
      clearTimeout(timer)
      userSignal?.removeEventListener('abort', onUserAbort)
    },
  }
}

function userAbortReason(signal: AbortSignal | undefined): unknown {
  const reason = signal?.reason
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError')
}
