import { isBrowser } from '../util/env.ts'
import { ConnectionError } from '../errors/classes.ts'
import { type FetchInit, fetchOnce, innermostMessage } from './http.ts'

const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])
const ADVICE = 'set baseURL to the final URL'

// Whether Node's own fetch was found not to take `redirect: 'error'` (someone replaced it with one
// that refuses the mode, as Cloudflare's workerd does: 'Invalid redirect value, must be one of
// "follow" or "manual"'), told from undici's "unexpected redirect", which means one was met.
let errorModeRefused = false
const REFUSED_MODE = /invalid|must be one of|not (yet )?(supported|implemented)|unsupported/i

/**
 * `redirect: 'error'` is used only with Node's own fetch, which honours it. A caller's `fetch`,
 * Workers (which refuse the mode), Vercel's edge runtime, Deno and Bun get `'manual'`: a fetch
 * shim that maps `'error'` to `'follow'` (a known Workers workaround) would otherwise send a key
 * across origins.
 */
function nodeFetchHonoursErrorMode(init: Omit<FetchInit, 'redirect'>): boolean {
  return !init.fetch && !errorModeRefused && (onNode ??= isNode())
}

/**
 * The mode for a streamed upload, which cannot be resent: `'error'`, since in any other mode
 * Node's fetch keeps the whole body in memory for a resend (a 1 GB upload would hold 1 GB);
 * `'manual'` where fetch refuses `'error'` (Workers), the caller then refusing any redirect.
 */
export function streamedUploadRedirectMode(fetch: typeof globalThis.fetch | undefined): 'error' | 'manual' {
  return (!fetch && errorModeRefused) || onWorkers() ? 'manual' : 'error'
}

/**
 * What a failed `redirect: 'error'` send says: `'refused'` when fetch refused the mode itself
 * (nothing was sent; a global fetch is then asked for `'manual'` from now on), `'redirected'` when
 * the server redirected, `undefined` when the failure had nothing to do with redirects.
 */
export function errorModeFailure(error: unknown, fetch: typeof globalThis.fetch | undefined): 'refused' | 'redirected' | undefined {
  const message = innermostMessage(error)
  if (!/redirect/i.test(message)) return undefined
  if (!REFUSED_MODE.test(message)) return 'redirected'
  if (!fetch) errorModeRefused = true
  return 'refused'
}

/** Whether an answer is a redirect (one a browser hides counts too). */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || REDIRECT_STATUSES.has(response.status)
}

function onWorkers(): boolean {
  return (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers'
}

let onNode: boolean | undefined

function isNode(): boolean {
  if (isBrowser()) return false
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions
  const elsewhere = versions?.bun || 'Deno' in globalThis || 'EdgeRuntime' in globalThis || onWorkers()
  return !!versions?.node && !elsewhere
}

/**
 * Sends a request whose body can be replayed (a string or a Blob), following redirects itself:
 * fetch drops `Authorization` on a redirect to another origin but keeps `api-key`,
 * `x-goog-api-key` and any other header, so no redirect to another origin is followed, whatever
 * the request carries. Same-origin 307 and 308 are followed (method and body kept, at most 5);
 * 301, 302 and 303 would turn the POST into a body-less GET, so they are refused too.
 *
 * With Node's own fetch the request goes with `redirect: 'error'` first: in any other mode the
 * Fetch Standard's HTTP-network-or-cache fetch (step 8.1; nodejs/undici lib/web/fetch/index.js)
 * copies the request, teeing its body stream, which cost a fifth of a small request's time on
 * loopback. A redirect fails that send, and the request goes again with `redirect: 'manual'` to
 * see where it would lead: one more request to the same origin, only when the server redirects.
 *
 * Browsers answer `redirect: 'manual'` with an opaque response that hides the target, so there
 * every redirect is refused: a page cannot tell where it would go.
 */
export async function fetchWithoutForeignRedirects(url: string, init: Omit<FetchInit, 'redirect'>): Promise<Response> {
  const tryErrorMode = nodeFetchHonoursErrorMode(init)
  const request: FetchInit = {
    method: init.method, headers: init.headers, body: init.body, signal: init.signal, fetch: init.fetch,
    redirect: tryErrorMode ? 'error' : 'manual',
  }
  if (tryErrorMode) {
    try {
      return notFollowed(await fetchOnce(url, request))
    } catch (error) {
      if (!errorModeFailure(error, undefined)) throw error
    }
    request.redirect = 'manual'
  }
  let current = url
  for (let hop = 0; ; hop++) {
    const response = notFollowed(await fetchOnce(current, request))
    if (response.type === 'opaqueredirect') {
      throw new ConnectionError(`The server answered with a redirect, which a browser does not let voxfetch inspect, so it was not followed: ${ADVICE}`)
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null
    if (location === null) return response
    response.body?.cancel().catch(() => {})
    const target = new URL(location, current)
    if (target.origin !== new URL(current).origin) {
      throw new ConnectionError(`The server redirected to another origin (${target.origin}); credentials are never sent to another origin, so it was not followed: ${ADVICE}`)
    }
    if (response.status !== 307 && response.status !== 308) {
      throw new ConnectionError(`The server answered ${response.status}, a redirect that would turn this POST into a GET without its body, so it was not followed: ${ADVICE}`)
    }
    if (hop >= MAX_REDIRECTS) throw new ConnectionError(`The server redirected more than ${MAX_REDIRECTS} times: ${ADVICE}`)
    current = target.href
  }
}

/**
 * A fetch that ignored the redirect mode and followed anyway (a custom `fetch` that drops
 * `init.redirect`): its answer is refused rather than passed off as the one asked for.
 */
function notFollowed(response: Response): Response {
  if (!response.redirected) return response
  response.body?.cancel().catch(() => {})
  throw new ConnectionError(`The fetch function followed a redirect it was told not to follow: pass a fetch that honours init.redirect, or ${ADVICE}`)
}
