import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { pipeline } from 'node:stream'

/** Where the page's API calls go, and the key added on the way. */
export interface Upstream {
  /** A LiteLLM proxy's base URL: the embedded emulator's, or a real one's (a path prefix is kept). */
  url: string
  /** Sent as `Authorization: Bearer …` when the caller sent no credential of its own. */
  apiKey?: string | undefined
  /** Path prefixes that belong to the proxy; every other path is the playground's. */
  prefixes: readonly string[]
}

// Hop-by-hop headers describe one connection, not the request. Cookies and the origin belong to
// the playground page, not to the proxy behind it.
const NOT_FORWARDED = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host',
  'cookie', 'origin', 'referer',
])
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie'])
const CREDENTIALS = ['authorization', 'x-litellm-api-key', 'api-key', 'x-api-key', 'x-goog-api-key']

export function isUpstreamPath(upstream: Upstream, pathname: string): boolean {
  return upstream.prefixes.some((prefix) => pathname === prefix || pathname.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`))
}

/**
 * Streams one request to the proxy and its answer back. Backpressure holds in both directions,
 * so a slow proxy slows the browser's upload. When the browser goes away first (an aborted
 * upload), the proxy's connection is reset, so the proxy stops at once instead of first reading
 * the megabytes still held in socket buffers.
 */
export function forward(request: IncomingMessage, response: ServerResponse, upstream: Upstream): void {
  const base = new URL(upstream.url)
  const target = new URL(base.pathname.replace(/\/$/, '') + (request.url ?? '/'), base.origin)
  const headers = forwardedHeaders(request.headers)
  if (upstream.apiKey && !CREDENTIALS.some((name) => name in headers)) headers.authorization = `Bearer ${upstream.apiKey}`
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  const outgoing = send(target, { method: request.method, headers })
  outgoing.on('response', (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.statusMessage, returnedHeaders(answer.headers))
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
