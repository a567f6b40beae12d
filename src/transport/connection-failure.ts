import { ConnectionError } from '../errors/classes.ts'
import { innermostMessage } from './http.ts'
import { safeCause } from './safe-cause.ts'

/**
 * The error for a request that got no answer. A browser hides why a cross-origin fetch failed
 * ("Failed to fetch", "Network request failed"), and the usual reason is CORS, so the message
 * names both origins. Only origins are named: never a path, query or credential.
 */
export function connectionFailure(error: unknown, url: string): ConnectionError {
  const hint = corsHint(url)
  return new ConnectionError(`Connection failed: ${innermostMessage(error)}${hint}`, { cause: safeCause(error) })
}

function corsHint(url: string): string {
  const page = (globalThis as { location?: { origin?: unknown } }).location?.origin
  if (typeof (globalThis as { document?: unknown }).document !== 'object' || typeof page !== 'string' || !URL.canParse(url)) return ''
  const target = new URL(url).origin
  if (target === page) return ''
  return ` (in a browser this is most often CORS: ${target} did not allow this page's origin ${page}; or the server is not running)`
}
