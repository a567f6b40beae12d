import { type Credential, type CredentialContext, fromFunction } from './token-function.ts'
import type { Route } from '../providers/types.ts'
import type { ClientOptions } from '../options/client-options.ts'

/**
 * The credential when getting it needs no I/O and cannot fail (a key from the options or the
 * environment): every provider but Azure and Vertex AI. `undefined` means `resolveCredential`.
 */
export function staticCredential(route: Route): Credential | undefined {
  return route.provider === 'azure' || route.provider === 'vertex_ai' ? undefined : { value: route.apiKey, kind: 'key' }
}

/**
 * The key or token for one request. Token functions are called here, per request, before
 * building; service-account tokens come from a cache and are minted when missing or expiring.
 */
export async function resolveCredential(route: Route, options: ClientOptions, context: CredentialContext): Promise<Credential> {
  if (route.provider === 'azure') return azureCredential(route, options, context)
  if (route.provider === 'vertex_ai') {
    // Service-account signing is Vertex-only code: loaded on first use, like the adapter.
    const { vertexCredential } = await import('./vertex-credential.ts')
    return vertexCredential(route, options, context)
  }
  return staticCredential(route)!
}

/** An explicit Entra ID token (provider first) wins over a resource key. */
async function azureCredential(route: Route, options: ClientOptions, context: CredentialContext): Promise<Credential> {
  const provider = options.azureAdTokenProvider
  if (provider) return fromFunction(provider, 'azureAdTokenProvider', context)
  if (options.azureAdToken) return { value: options.azureAdToken, kind: 'token' }
  return { value: route.apiKey, kind: 'key' }
}
