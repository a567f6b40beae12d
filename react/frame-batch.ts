/** About one display frame at 60 Hz. */
const FRAME_MS = 16

/**
 * Publishes only the latest of many values, at most once a frame: a stream of a thousand tiny
 * deltas re-renders a few dozen times, not a thousand, each with the whole text so far.
 */
export function batchPerFrame<T>(publish: (value: T) => void) {
  let latest: { value: T } | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  /** Publishes what is waiting now. */
  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const waiting = latest
    latest = undefined
    if (waiting) publish(waiting.value)
  }
  return {
    push(value: T): void {
      latest = { value }
      timer ??= setTimeout(flush, FRAME_MS)
    },
    flush,
    /** Drops what is waiting. */
    cancel(): void {
      clearTimeout(timer)
      timer = undefined
      latest = undefined
    },
  }
}
