import { ConnectionError } from '../errors/classes.ts'

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304])

export interface XhrInit {
  method: string
  headers: Record<string, string>
  body: Blob
  signal: AbortSignal
  onUploadProgress: (loaded: number) => void
}

/**
 * Browsers report upload progress only through XMLHttpRequest, so uploads with a progress
 * callback go this way. It answers with a Response so the rest of the pipeline is shared.
 */
export function xhrRequest(url: string, init: XhrInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(init.method, url)
    xhr.responseType = 'blob'
    for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => init.onUploadProgress(event.loaded)
    xhr.upload.onload = () => init.onUploadProgress(init.body.size)
    const onAbort = () => xhr.abort()
    const settle = () => init.signal.removeEventListener('abort', onAbort)
    xhr.onload = () => {
      settle()
      // XHR follows redirects by itself; an answer from another origin is not ours to use.
      if (xhr.responseURL && new URL(xhr.responseURL).origin !== new URL(url, globalThis.location?.href).origin) {
        return reject(new ConnectionError(`The server redirected the upload to another origin (${new URL(xhr.responseURL).origin}); its answer was refused: set baseURL to the final URL`))
      }
      resolve(new Response(NULL_BODY_STATUSES.has(xhr.status) ? null : (xhr.response as Blob), {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: parseHeaders(xhr.getAllResponseHeaders()),
      }))
    }
    xhr.onerror = () => {
      settle()
      reject(new TypeError('Network request failed'))
    }
    xhr.onabort = () => {
      settle()
      reject(init.signal.reason)
    }
    if (init.signal.aborted) return reject(init.signal.reason)
    init.signal.addEventListener('abort', onAbort, { once: true })
    xhr.send(init.body)
  })
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers()
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const separator = line.indexOf(':')
    if (separator > 0) headers.append(line.slice(0, separator).trim(), line.slice(separator + 1).trim())
  }
  return headers
}
