import { TEST_KEYS, type Emulator } from '../../test/emulator/index.ts'
import { ROUTES } from '../../test/emulator/routes/table.ts'
import type { AllowedRoute, Upstream } from './forward.ts'

/** What a real proxy is asked for: the two audio endpoints and the model list, nothing else. */
export const PROXY_ROUTES: readonly AllowedRoute[] = [
  { method: 'POST', pattern: /^\/(?:v1\/)?audio\/speech$/ },
  { method: 'POST', pattern: /^\/(?:v1\/)?audio\/transcriptions$/ },
  { method: 'GET', pattern: /^\/(?:v1\/)?models$/ },
]

/** The same, as `npm start` prints it. */
export const PROXY_ROUTE_NAMES = ['POST /v1/audio/speech', 'POST /v1/audio/transcriptions', 'GET /v1/models']

/**
 * The embedded emulator: each of its endpoints (proxy and provider personas) answers on the
 * playground's origin, with the proxy key added to calls that bring none (the page brings none).
 */
export function emulatorUpstream(emulator: Emulator): Upstream {
  return { url: emulator.url, apiKey: TEST_KEYS.proxy, routes: ROUTES.map(({ method, pattern }) => ({ method, pattern })) }
}

/** A real LiteLLM proxy; its key is added here, on the server, never sent to the page. */
export function proxyUpstream(baseURL: string, apiKey: string | undefined): Upstream {
  return { url: baseURL, apiKey, routes: PROXY_ROUTES }
}
