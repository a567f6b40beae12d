import { TimeoutError } from '../errors/classes.ts'

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
  return new CallDeadline(timeout, userSignal)
}

// A class rather than closures: every call makes one, and its methods are shared.
class CallDeadline implements Deadline {
  readonly signal: AbortSignal
  readonly #controller = new AbortController()
  readonly #timeout: number
  readonly #userSignal: AbortSignal | undefined
  readonly #startedAt = Date.now()
  readonly #timer: ReturnType<typeof setTimeout>
  #timedOut = false
  readonly #onUserAbort = () => this.#controller.abort(this.#userSignal!.reason)

  constructor(timeout: number, userSignal: AbortSignal | undefined) {
    this.signal = this.#controller.signal
    this.#timeout = timeout
    this.#userSignal = userSignal
    this.#timer = setTimeout(() => {
      this.#timedOut = true
      this.#controller.abort(new TimeoutError(timeout))
    }, timeout)
    // An unread body must not keep a Node process alive until the deadline.
    ;(this.#timer as { unref?: () => void }).unref?.()
    if (userSignal?.aborted) this.#onUserAbort()
    else userSignal?.addEventListener('abort', this.#onUserAbort, { once: true })
  }

  abortError(): unknown {
    return this.#timedOut ? new TimeoutError(this.#timeout) : userAbortReason(this.#userSignal)
  }

  remaining(): number {
    return this.#timeout - (Date.now() - this.#startedAt)
  }

  sleep(ms: number): Promise<void> {
    const { signal } = this
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(this.abortError())
      const onAbort = () => {
        clearTimeout(wait)
        reject(this.abortError())
      }
      const wait = setTimeout(() => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }

  dispose(): void {
    clearTimeout(this.#timer)
    this.#userSignal?.removeEventListener('abort', this.#onUserAbort)
  }
}

function userAbortReason(signal: AbortSignal | undefined): unknown {
  const reason = signal?.reason
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError')
}
