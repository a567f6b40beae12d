import type { UploadProgress } from '../options/client-options.ts'

const MIN_INTERVAL_MS = 50
const CHUNK_BYTES = 64 * 1024

/**
 * Wraps a progress callback so it runs at most every 50 ms (20 times a second), never goes
 * backwards, and always sees the final 100 %. Each attempt of a retried upload gets its own.
 */
export function throttleProgress(callback: (progress: UploadProgress) => void, total: number, attempt = 1) {
  let lastAt = -Infinity
  let lastLoaded = -1
  return (loaded: number) => {
    const done = loaded >= total
    const now = Date.now()
    if (loaded <= lastLoaded || (!done && now - lastAt < MIN_INTERVAL_MS)) return
    lastAt = now
    lastLoaded = loaded
    callback({ loaded, total, percent: done ? 100 : Math.floor((loaded / total) * 100), attempt })
  }
}

/**
 * A body stream over `blob` that reports how many bytes the network layer has pulled. In-memory
 * Blob parts come out whole, so they are handed over in 64 KiB slices for progress to follow the
 * socket rather than jump.
 */
export function countedStream(blob: Blob, report: (loaded: number) => void): ReadableStream<Uint8Array> {
  const reader = blob.stream().getReader()
  let pending = new Uint8Array(0)
  let loaded = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending.byteLength === 0) {
        const { done, value } = await reader.read()
        if (done) {
          report(blob.size)
          controller.close()
          return
        }
        pending = value
      }
      const chunk = pending.subarray(0, CHUNK_BYTES)
      pending = pending.subarray(chunk.byteLength)
      loaded += chunk.byteLength
      if (loaded < blob.size) report(loaded)
      controller.enqueue(chunk)
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
