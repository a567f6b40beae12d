import type { IncomingMessage } from 'node:http'
import { type AllowedOrigins, isAllowedOrigin, NO_OTHER_ORIGINS } from './allowed-origins.ts'

/** Why a request is answered here and never forwarded. */
export interface Refusal {
  status: 400 | 403
  message: string
}

/** A request target split into its checked path and its query (`''` or `?…`). */
export interface RequestTarget {
  path: string
  query: string
}

/**
 * The names this server answers to: loopback names with its port, plus the host it listens on
 * when that is a specific name. Any other `Host` is a page on another site that resolved its own
 * name to this machine (DNS rebinding), and is refused.
 */
export function ownHosts(port: number, listenHost: string): Set<string> {
  const names = ['localhost', '127.0.0.1', '[::1]']
  const listen = listenHost.includes(':') ? `[${listenHost}]` : listenHost
  if (!['0.0.0.0', '[::]'].includes(listen)) names.push(listen.toLowerCase())
  return new Set(names.map((name) => `${name}:${port}`))
}

/**
 * The Host and Origin rules every route of the playground server applies first. The Host is
 * always one of this server's own names; the Origin is the page's own, or one `allowed`.
 */
export function checkCaller(request: IncomingMessage, hosts: ReadonlySet<string>, allowed: AllowedOrigins = NO_OTHER_ORIGINS): Refusal | undefined {
  const host = request.headers.host?.toLowerCase()
  if (!host || !hosts.has(host)) {
    return { status: 403, message: `playground server: Host "${request.headers.host ?? ''}" is not this server; open ${[...hosts][0]} instead` }
  }
  const origin = request.headers.origin
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}` && !isAllowedOrigin(origin, allowed)) {
    return {
      status: 403,
      message: `playground server: requests from ${origin} are refused; only this page's own origin may call it (allow another with --allow-origin ${origin} or VOXFETCH_ALLOW_ORIGINS)`,
    }
  }
  return undefined
}

/**
 * API calls and `/playground.json` are for this page's own scripts: a page of another site may
 * not even send them (a `<script src>` or `<img>` brings no Origin header, but Chromium and
 * Firefox send `Sec-Fetch-Site`). `none` is a typed-in address; no header is curl.
 */
export function checkSameOrigin(request: IncomingMessage, allowed: AllowedOrigins = NO_OTHER_ORIGINS): Refusal | undefined {
  const site = request.headers['sec-fetch-site']
  if (site === undefined || site === 'same-origin' || site === 'none') return undefined
  // A page of an allowed origin calls with CORS, so its fetch always names its origin.
  const origin = request.headers.origin
  if (origin !== undefined && isAllowedOrigin(origin, allowed)) return undefined
  return { status: 403, message: `playground server: a ${site} request may not call the API` }
}

// Percent-encoded "/", "\", "." and NUL: a path that hides a separator or a dot segment.
const HIDDEN_SEPARATOR = /%(?:2f|5c|2e|00)/i
const PATH_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/

/**
 * Accepts only origin-form targets (`/path?query`) whose path has no empty or dot segment and no
 * encoded separator. Everything else (`//host/…`, `http://host/…`, `*`, `..`, `%2F`) is refused,
 * so the target can only ever be appended to the configured base URL.
 */
export function parseTarget(target: string | undefined): RequestTarget | Refusal {
  const refused: Refusal = { status: 400, message: 'playground server: request target refused (only plain /paths are served)' }
  if (!target || !target.startsWith('/') || target.startsWith('//')) return refused
  const queryAt = target.search(/[?#]/)
  const path = queryAt === -1 ? target : target.slice(0, queryAt)
  const query = queryAt === -1 ? '' : target.slice(queryAt)
  if (query.includes('#')) return refused
  if (!PATH_CHARACTERS.test(path) || HIDDEN_SEPARATOR.test(path)) return refused
  const segments = path.split('/').slice(1)
  if (segments.some((segment, index) => segment === '.' || segment === '..' || (segment === '' && index < segments.length - 1))) {
    return refused
  }
  return { path, query }
}

export function isRefusal(value: RequestTarget | Refusal): value is Refusal {
  return 'status' in value
}
