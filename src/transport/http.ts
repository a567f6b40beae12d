import { createFetch } from 'ofetch'
import { mergeHeaders } from '../util/merge-headers.ts'

export interface FetchInit {
  method: string
  headers: Record<string, string>
  body: BodyInit
  signal: AbortSignal
  /** Streamed uploads refuse redirects rather than be buffered for a replay (see transmit.ts). */
  redirect?: RequestRedirect
  fetch?: typeof globalThis.fetch | undefined
}

// Looked up at call time so polyfills and test doubles installed later are honoured.
const globalFetch: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init)
const defaultOfetch = createFetch({ fetch: globalFetch })
const customOfetch = new WeakMap<typeof globalThis.fetch, ReturnType<typeof createFetch>>()

function ofetchFor(fetch: typeof globalThis.fetch | undefined) {
  if (!fetch) return defaultOfetch
  let instance = customOfetch.get(fetch)
  if (!instance) customOfetch.set(fetch, (instance = createFetch({ fetch })))
  return instance
}

/**
 * Sends one request and hands back the raw response with its body unread. Retries, timeouts and
 * error mapping are ours (see send.ts); ofetch is told to do none of them.
 */
export function fetchOnce(url: string, init: FetchInit): Promise<Response> {
  return ofetchFor(init.fetch).raw(url, {
    method: init.method,
    // ofetch would ask for JSON on string bodies; an audio endpoint should be free to answer audio.
    headers: mergeHeaders({ accept: '*/*' }, init.headers),
    body: init.body,
    signal: init.signal,
    redirect: init.redirect,
    retry: false,
    responseType: 'stream',
    ignoreResponseError: true,
  })
}

/** ofetch and undici wrap the socket error; the innermost message is the useful one. */
export function innermostMessage(error: unknown): string {
  let current = error
  while (current instanceof Error && current.cause instanceof Error) current = current.cause
  return current instanceof Error ? current.message : String(current)
}
