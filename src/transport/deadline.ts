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
  /**
   * Runs `listener` once when the exchange aborts (at once if it has). One listener: the body
   * being read, which cannot count on fetch to notice the signal (see body-stream.ts).
   */
  whenAborted(listener: () => void): void
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
  #abortListener: (() => void) | undefined
  readonly #onUserAbort = () => this.#abort(this.#userSignal!.reason)

  constructor(timeout: number, userSignal: AbortSignal | undefined) {
    this.signal = this.#controller.signal
    this.#timeout = timeout
    this.#userSignal = userSignal
    this.#timer = setTimeout(() => {
      this.#timedOut = true
      this.#abort(new TimeoutError(timeout))
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

  whenAborted(listener: () => void): void {
    if (this.signal.aborted) listener()
    else this.#abortListener = listener
  }

  dispose(): void {
    clearTimeout(this.#timer)
    this.#userSignal?.removeEventListener('abort', this.#onUserAbort)
    this.#abortListener = undefined
  }

  // A field and a call rather than a listener on the signal: an abort listener costs a few µs a call.
  #abort(reason: unknown): void {
    this.#controller.abort(reason)
    const listener = this.#abortListener
    this.#abortListener = undefined
    listener?.()
  }
}

function userAbortReason(signal: AbortSignal | undefined): unknown {
  const reason = signal?.reason
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError')
}
