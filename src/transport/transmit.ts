import { ConnectionError } from '../errors/classes.ts'
import type { UploadProgress } from '../options/client-options.ts'
import { fetchOnce, innermostMessage } from './http.ts'
import type { HttpRequest } from './http-request.ts'
import { createBoundary, encodeMultipart, type MultipartForm } from './multipart.ts'
import { countedStream, throttleProgress } from './progress.ts'
import { errorModeFailure, fetchWithoutForeignRedirects, isRedirect, streamedUploadRedirectMode } from './redirects.ts'
import { safeCause } from './safe-cause.ts'
import { xhrRequest } from './xhr.ts'

const KEY_HEADERS = ['api-key', 'x-goog-api-key', 'x-api-key', 'x-litellm-api-key']

function carriesKeyOutsideAuthorization(headers: Record<string, string>): boolean {
  return Object.keys(headers).some((name) => KEY_HEADERS.includes(name.toLowerCase()))
}

export interface TransmitInit {
  signal: AbortSignal
  fetch?: typeof globalThis.fetch | undefined
  onUploadProgress?: ((progress: UploadProgress) => void) | undefined
  /** 1 for the first sending, then 2, 3… for retries; reported with upload progress. */
  attempt?: number | undefined
}

/**
 * Sends one attempt of a request. Multipart bodies are encoded afresh per attempt (the file part
 * is the caller's Blob, read lazily), so every attempt can be replayed without buffering.
 */
export function transmit(request: HttpRequest, init: TransmitInit): Promise<Response> {
  const { url, method, headers, body } = request
  if (typeof body === 'string') return fetchWithoutForeignRedirects(url, { method, headers, body, signal: init.signal, fetch: init.fetch })
  return typeof XMLHttpRequest === 'undefined' ? serverUpload(url, request, body, init) : browserUpload(url, request, body, init)
}

/**
 * Browsers: XHR when progress is wanted (fetch has no upload events), else fetch with the Blob.
 * XHR follows redirects on its own and keeps every header but `Authorization` across origins,
 * so a request with its key in another header (Azure's `api-key`) goes through fetch, whose
 * redirects are refused, and reports progress only at 0 and 100 %.
 */
async function browserUpload(url: string, request: HttpRequest, form: MultipartForm, init: TransmitInit) {
  const body = encodeMultipart(form, createBoundary())
  const headers = { ...request.headers, 'content-type': body.type }
  const send = () => fetchWithoutForeignRedirects(url, { method: request.method, headers, body, signal: init.signal, fetch: init.fetch })
  if (!init.onUploadProgress) return send()
  const report = throttleProgress(init.onUploadProgress, body.size, init.attempt)
  report(0)
  if (!init.fetch && !carriesKeyOutsideAuthorization(headers)) {
    return xhrRequest(url, { method: request.method, headers, body, signal: init.signal, onUploadProgress: report })
  }
  // No upload events through fetch, and no streamed bodies over HTTP/1.1 in Chromium.
  const response = await send()
  report(body.size)
  return response
}

/**
 * Server runtimes: the body is streamed with redirects refused, because Node's fetch keeps any
 * upload body it might replay on a redirect in memory (a 1 GB upload would hold 1 GB). Where
 * fetch refuses `redirect: 'error'` (Workers), it goes with `'manual'` and a redirect answer is
 * refused the same way.
 */
async function serverUpload(url: string, request: HttpRequest, form: MultipartForm, init: TransmitInit): Promise<Response> {
  const body = encodeMultipart(form, createBoundary())
  const report = init.onUploadProgress ? throttleProgress(init.onUploadProgress, body.size, init.attempt) : () => {}
  const send = (redirect: 'error' | 'manual') => fetchOnce(url, {
    method: request.method,
    headers: { ...request.headers, 'content-type': body.type, 'content-length': String(body.size) },
    body: countedStream(body, report),
    signal: init.signal,
    redirect,
    fetch: init.fetch,
  })
  report(0)
  let redirect = streamedUploadRedirectMode(init.fetch)
  let response: Response
  try {
    response = await send(redirect)
  } catch (error) {
    const failure = redirect === 'error' ? errorModeFailure(error, init.fetch) : /redirect/i.test(innermostMessage(error)) ? 'redirected' : undefined
    if (failure === 'redirected') throw redirectedUpload(error)
    if (failure !== 'refused') throw error
    // The mode was refused before anything was sent, so the form can go again with 'manual'.
    redirect = 'manual'
    response = await send(redirect)
  }
  if (redirect === 'manual' && isRedirect(response)) {
    response.body?.cancel().catch(() => {})
    throw redirectedUpload(undefined)
  }
  return response
}

function redirectedUpload(cause: unknown): ConnectionError {
  return new ConnectionError(
    'The server redirected the upload; uploads are streamed and not sent twice, so set baseURL to the final URL',
    cause === undefined ? undefined : { cause: safeCause(cause) },
  )
}
