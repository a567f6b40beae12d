import type { ClientOptions } from './schemas.ts'
import type { Route } from './providers/types.ts'

export interface Credential {
  value: string | undefined
  kind: 'key' | 'token'
}

/** The key or token for one request; token functions are called here, before building. */
export async function resolveCredential(route: Route, _options: ClientOptions): Promise<Credential> {
  return { value: route.apiKey, kind: 'key' }
}
