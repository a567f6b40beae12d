/**
 * Which pages of other origins may call the playground server's API (with CORS), such as a Vite
 * or Next.js dev server on its own port running the README's examples.
 */
export interface AllowedOrigins {
  /** Exact origins, e.g. `http://localhost:5173`. */
  origins: readonly string[]
  /** `http://localhost`, `http://127.0.0.1` and `http://[::1]` on any port. */
  loopback: boolean
}

export const NO_OTHER_ORIGINS: AllowedOrigins = { origins: [], loopback: false }

const LOOPBACK_ORIGIN = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):\d{1,5}$/

/** Whether a page of `origin` may call the API. `null` (a sandboxed frame, a file) never may. */
export function isAllowedOrigin(origin: string, allowed: AllowedOrigins): boolean {
  const lower = origin.toLowerCase()
  return allowed.origins.includes(lower) || (allowed.loopback && LOOPBACK_ORIGIN.test(lower))
}

/**
 * The origins `npm start` allows: each `--allow-origin <origin>` and the comma-separated
 * `VOXFETCH_ALLOW_ORIGINS`; with no real key held (the embedded emulator, whose key is public, or
 * a proxy without `VOXFETCH_API_KEY`), also every loopback dev origin. A server holding a real key
 * allows only the origins named. Returns an error message for a value that is not an origin.
 */
export function allowedOriginsFrom(argv: readonly string[], envValue: string | undefined, holdsRealKey: boolean): AllowedOrigins | string {
  const named: string[] = []
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!
    if (arg === '--allow-origin') named.push(argv[++index] ?? '')
    else if (arg.startsWith('--allow-origin=')) named.push(arg.slice('--allow-origin='.length))
  }
  named.push(...(envValue ?? '').split(',').map((value) => value.trim()).filter(Boolean))
  const origins: string[] = []
  for (const value of named) {
    const url = URL.canParse(value) ? new URL(value) : undefined
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '').toLowerCase()) {
      return `not an origin: "${value}" (expected e.g. http://localhost:5173, scheme, host and port only)`
    }
    origins.push(url.origin)
  }
  return { origins, loopback: !holdsRealKey }
}

// What a page may send and read: the SDK's headers, the test hooks' `x-emulator-*`, and the
// proxy's informative answers (cost, request id, retry hints).
const ALLOWED_HEADERS = /^[a-z0-9-]+$/
const EXPOSED = [
  'x-litellm-call-id', 'x-litellm-model-id', 'x-litellm-model-group', 'x-litellm-response-cost',
  'x-litellm-response-duration-ms', 'x-litellm-version', 'x-request-id', 'retry-after', 'retry-after-ms',
  'x-should-retry',
].join(', ')

/** The CORS headers of an answer to an allowed origin. */
export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED, vary: 'Origin' }
}

/** The headers of a preflight answer: the API's methods and the headers asked for, cached 10 minutes. */
export function preflightHeaders(origin: string, requestedHeaders: string | undefined): Record<string, string> {
  const requested = (requestedHeaders ?? '').split(',').map((name) => name.trim().toLowerCase()).filter((name) => ALLOWED_HEADERS.test(name))
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': requested.join(', '),
    'access-control-max-age': '600',
    'content-length': '0',
  }
}
