import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { pipeline } from 'node:stream'

/** Where the page's API calls go, and the key added on the way. */
export interface Upstream {
  /** A LiteLLM proxy's base URL: the embedded emulator's, or a real one's (a path prefix is kept). */
  url: string
  /** Sent as `Authorization: Bearer …` when the caller sent no credential of its own. */
  apiKey?: string | undefined
  /**
   * The only method + path pairs forwarded; every other request is the playground's own (and
   * never reaches the upstream). Patterns match the whole checked path.
   */
  routes: readonly AllowedRoute[]
}

/** One forwarded endpoint, e.g. `POST /v1/audio/speech`. */
export interface AllowedRoute {
  method: 'GET' | 'POST'
  pattern: RegExp
}

// Hop-by-hop headers describe one connection, not the request. Cookies and the origin belong to
// the playground page, not to the proxy behind it.
const NOT_FORWARDED = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host',
  'cookie', 'origin', 'referer',
])
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie'])
const CREDENTIALS = ['authorization', 'x-litellm-api-key', 'api-key', 'x-api-key', 'x-goog-api-key']

/** Whether `method path` (a path already checked by `parseTarget`) is forwarded. */
export function isForwarded(upstream: Upstream, method: string | undefined, path: string): boolean {
  return upstream.routes.some((route) => route.method === method && route.pattern.test(path))
}

/**
 * The configured base plus the checked path and query, as text: never resolved against the
 * request, so no request can choose the host. Checked once more, in case a base URL ends oddly.
 */
export function upstreamURL(base: string, path: string, query: string): URL | undefined {
  const root = new URL(base)
  const target = new URL(`${root.origin}${root.pathname.replace(/\/$/, '')}${path}${query}`)
  return target.origin === root.origin ? target : undefined
}

/**
 * Streams one request to the proxy and its answer back. Backpressure holds in both directions,
 * so a slow proxy slows the browser's upload. When the browser goes away first (an aborted
 * upload), the proxy's connection is reset, so the proxy stops at once instead of first reading
 * the megabytes still held in socket buffers.
 */
export function forward(request: IncomingMessage, response: ServerResponse, upstream: Upstream, target: URL): void {
  const headers = forwardedHeaders(request.headers)
  if (upstream.apiKey && !CREDENTIALS.some((name) => name in headers)) headers.authorization = `Bearer ${upstream.apiKey}`
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  const outgoing = send(target, { method: request.method, headers })
  outgoing.on('response', (answer) => {
    // writeHead's headers win over setHeader's: the server's own CORS headers are kept as set.
    for (const [name, value] of Object.entries(returnedHeaders(answer.headers))) {
      if (!response.hasHeader(name)) response.setHeader(name, value)
    }
    response.writeHead(answer.statusCode ?? 502, answer.statusMessage)
    pipeline(answer, response, () => {})
  })
  outgoing.on('error', (error) => {
    if (response.headersSent || response.destroyed) return void response.destroy()
    response.writeHead(502, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ error: { message: `playground server: ${target.host} did not answer (${error.message})`, type: 'bad_gateway' } }))
  })
  request.pipe(outgoing)
  response.on('close', () => {
    if (response.writableFinished) return
    const socket = outgoing.socket
    if (socket && !socket.destroyed) socket.resetAndDestroy()
    else outgoing.destroy()
  })
}

function forwardedHeaders(incoming: IncomingHttpHeaders): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !NOT_FORWARDED.has(name)) headers[name] = value
  }
  return headers
}

function returnedHeaders(incoming: IncomingHttpHeaders): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !NOT_RETURNED.has(name)) headers[name] = value
  }
  return headers
}
