import { fromFunction, type Credential, type CredentialContext } from './token-function.ts'
import { readEnv } from '../util/env.ts'
import { InvalidRequestError } from '../errors/classes.ts'
import type { Route } from '../providers/types.ts'
import { isVertexGeminiModel } from '../providers/vertex.ts'
import type { ClientOptions } from '../options/client-options.ts'
import { serviceAccountToken } from './google-token.ts'
import { loadServiceAccount } from './service-account.ts'

/** A Bearer token for Vertex AI: `accessToken`, else one minted from a service account. */
export async function vertexCredential(route: Route, options: ClientOptions, context: CredentialContext): Promise<Credential> {
  const { accessToken } = options
  if (typeof accessToken === 'string') return { value: accessToken, kind: 'token' }
  if (accessToken) return fromFunction(accessToken, 'accessToken', context)
  const field = route.vertexCredentials !== undefined ? 'vertexCredentials' : 'GOOGLE_APPLICATION_CREDENTIALS'
  const source = route.vertexCredentials ?? readEnv('GOOGLE_APPLICATION_CREDENTIALS')
  if (source === undefined) {
    throw new InvalidRequestError(
      'accessToken',
      'is required for vertex_ai/ models, unless (server-side) vertexCredentials or GOOGLE_APPLICATION_CREDENTIALS names a service account',
    )
  }
  const account = await loadServiceAccount(source, field)
  const vertexProject = route.vertexProject ?? account.project_id
  if (!vertexProject && isVertexGeminiModel(route.model)) {
    throw new InvalidRequestError('vertexProject', 'is required for vertex_ai/gemini-… models (pass vertexProject or set VERTEXAI_PROJECT)')
  }
  const mint = async (rejected?: string): Promise<Credential> => {
    const value = await serviceAccountToken(account, { ...context, rejected })
    return { value, kind: 'token', vertexProject, refresh: () => mint(value) }
  }
  return mint()
}
