import type { UploadProgress } from '../schemas.ts'

const MIN_INTERVAL_MS = 50

/**
 * Wraps a progress callback so it runs at most every 50 ms (20 times a second), never goes
 * backwards, and always sees the final 100 %.
 */
export function throttleProgress(callback: (progress: UploadProgress) => void, total: number) {
  let lastAt = -Infinity
  let lastLoaded = -1
  return (loaded: number) => {
    const done = loaded >= total
    const now = Date.now()
    if (loaded <= lastLoaded || (!done && now - lastAt < MIN_INTERVAL_MS)) return
    lastAt = now
    lastLoaded = loaded
    callback({ loaded, total, percent: done ? 100 : Math.floor((loaded / total) * 100) })
  }
}

/** A body stream over `blob` that reports how many bytes were pulled by the network layer. */
export function countedStream(blob: Blob, report: (loaded: number) => void): ReadableStream<Uint8Array> {
  const reader = blob.stream().getReader()
  let loaded = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) {
        report(blob.size)
        controller.close()
        return
      }
      loaded += value.byteLength
      if (loaded < blob.size) report(loaded)
      controller.enqueue(value)
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
