import { createClient, type VoxfetchClient } from 'voxfetch'

/**
 * Where the page sends its calls: to its own server (which runs the emulator or forwards to a
 * proxy, adding the key there), or, only when the user opts in, straight to a proxy with a key
 * typed into the page.
 */
export type Connection = { kind: 'server' } | { kind: 'direct'; baseURL: string; apiKey: string }

const STORAGE_KEY = 'voxfetch-playground:direct-connection'

/** The opted-in direct connection of this tab, if any (sessionStorage: gone with the tab). */
export function loadConnection(): Connection {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as { baseURL?: unknown; apiKey?: unknown } | null
    if (saved && typeof saved.baseURL === 'string' && typeof saved.apiKey === 'string') {
      return { kind: 'direct', baseURL: saved.baseURL, apiKey: saved.apiKey }
    }
  } catch {
    // Storage may be disabled; then nothing was saved.
  }
  return { kind: 'server' }
}

export function saveConnection(connection: Connection): void {
  try {
    if (connection.kind === 'direct') sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ baseURL: connection.baseURL, apiKey: connection.apiKey }))
    else sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // Without storage the choice lasts until the page reloads.
  }
}

export function createPageClient(connection: Connection): VoxfetchClient {
  if (connection.kind === 'direct') {
    return createClient({ baseURL: connection.baseURL, ...(connection.apiKey ? { apiKey: connection.apiKey } : {}) })
  }
  return createClient({ baseURL: window.location.origin })
}

/**
 * TEST-ONLY hook: headers the browser tests add to every call (e.g. `x-emulator-upload-rate`
 * to make the emulator read an upload slowly). Read at call time; unset in normal use.
 */
export function testHeaders(): Record<string, string> | undefined {
  return (window as { __voxfetchTestHeaders?: Record<string, string> }).__voxfetchTestHeaders
}
