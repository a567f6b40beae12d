/**
 * Publishes only the latest of many values, at most once per animation frame (every 16 ms where
 * there are no frames): a stream of a thousand tiny deltas re-renders a few dozen times, not a
 * thousand, each with the whole text so far.
 */
export function batchPerFrame<T>(publish: (value: T) => void) {
  let latest: { value: T } | undefined
  let scheduled: (() => void) | undefined
  const run = () => {
    scheduled = undefined
    flush()
  }
  function flush(): void {
    scheduled?.()
    scheduled = undefined
    if (!latest) return
    const { value } = latest
    latest = undefined
    publish(value)
  }
  return {
    push(value: T): void {
      latest = { value }
      if (scheduled) return
      if (typeof requestAnimationFrame === 'function') {
        const frame = requestAnimationFrame(run)
        scheduled = () => cancelAnimationFrame(frame)
      } else {
        const timer = setTimeout(run, 16)
        scheduled = () => clearTimeout(timer)
      }
    },
    /** Publishes what is waiting now. */
    flush,
    /** Drops what is waiting. */
    cancel(): void {
      scheduled?.()
      scheduled = undefined
      latest = undefined
    },
  }
}
