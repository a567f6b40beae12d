import type { UploadProgress } from '../schemas.ts'
import { fetchOnce } from './http.ts'
import type { HttpRequest } from './http-request.ts'
import { createBoundary, encodeMultipart } from './multipart.ts'
import { countedStream, throttleProgress } from './progress.ts'
import { xhrRequest } from './xhr.ts'

export interface TransmitInit {
  signal: AbortSignal
  fetch?: typeof globalThis.fetch | undefined
  onUploadProgress?: ((progress: UploadProgress) => void) | undefined
}

/**
 * Sends one attempt of a request. Multipart bodies are encoded afresh per attempt (the file part
 * is the caller's Blob, read lazily), so every attempt can be replayed without buffering.
 */
export async function transmit(request: HttpRequest, init: TransmitInit): Promise<Response> {
  const { url, method } = request
  if (typeof request.body === 'string') {
    return fetchOnce(url, { method, headers: request.headers, body: request.body, signal: init.signal, fetch: init.fetch })
  }
  const body = encodeMultipart(request.body, createBoundary())
  const headers = { ...request.headers, 'content-type': body.type }
  if (!init.onUploadProgress) {
    return fetchOnce(url, { method, headers, body, signal: init.signal, fetch: init.fetch })
  }
  const report = throttleProgress(init.onUploadProgress, body.size)
  report(0)
  if (typeof XMLHttpRequest !== 'undefined') {
    if (!init.fetch) return xhrRequest(url, { method, headers, body, signal: init.signal, onUploadProgress: report })
    // A custom fetch in a browser: no upload events and no streamed bodies on HTTP/1.1.
    const response = await fetchOnce(url, { method, headers, body, signal: init.signal, fetch: init.fetch })
    report(body.size)
    return response
  }
  // Fetch has no upload events; a counting stream reports what the network layer pulled. A
  // stream cannot be replayed by fetch itself, hence no redirect following on this path.
  return fetchOnce(url, {
    method,
    headers: { ...headers, 'content-length': String(body.size) },
    body: countedStream(body, report),
    signal: init.signal,
    redirect: 'error',
    fetch: init.fetch,
  })
}
