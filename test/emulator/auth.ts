import { createHash } from 'node:crypto'
import { trimTable } from './bounded.ts'
import type { RequestContext } from './context.ts'
import { azureError, googleError, litellmError, openaiError } from './errors.ts'
import { AZURE_ENTRA_TOKEN_PREFIX } from './keys.ts'
import { sendJson } from './respond.ts'

const header = (context: RequestContext, name: string) => {
  const value = context.request.headers[name]
  return typeof value === 'string' ? value : undefined
}

const bearer = (context: RequestContext) => /^Bearer (.+)$/i.exec(header(context, 'authorization') ?? '')?.[1]?.trim()

/**
 * LiteLLM: Bearer, x-litellm-api-key, API-Key or x-api-key (BerriAI/litellm litellm/proxy/_types.py
 * SpecialHeaders). With a master key set, a missing or unknown key fails in
 * litellm/proxy/auth/user_api_key_auth.py and litellm/proxy/auth/auth_exception_handler.py turns
 * it into ProxyException(message="Authentication Error, " + str(e), type="auth_error",
 * param="None", code=401): a 401 whose `code` is "401". No keys configured = open proxy, as a
 * proxy without a master key is.
 */
export function checkProxyAuth(context: RequestContext): boolean {
  const accepted = context.state.keys.proxy
  if (accepted.length === 0) return true
  const authorization = header(context, 'authorization')
  const key = bearer(context) ?? header(context, 'x-litellm-api-key') ?? header(context, 'api-key') ?? header(context, 'x-api-key')
  let message: string | undefined
  if (authorization !== undefined && bearer(context) === undefined && key === undefined) {
    message = 'Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix.'
  } else if (!key) {
    message = 'Authentication Error, No api key passed in.'
  } else if (!accepted.includes(key)) {
    const hash = createHash('sha256').update(key).digest('hex')
    message = `Authentication Error, Invalid proxy server token passed. Received API Key = sk-...${key.slice(-4)}, Key Hash (Token) =${hash}. Unable to find token in cache or \`LiteLLM_VerificationTokenTable\``
  }
  if (!message) return true
  sendJson(context, 401, litellmError(401, message, 'auth_error', 'None'))
  return false
}

/** OpenAI: `Authorization: Bearer <key>`. */
export function checkOpenAIAuth(context: RequestContext): boolean {
  const key = bearer(context)
  if (key && context.state.keys.openai.includes(key)) return true
  const message = key
    ? `Incorrect API key provided: ${mask(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`
    : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
  sendJson(context, 401, openaiError(message, null, key ? 'invalid_api_key' : null))
  return false
}

/** Azure OpenAI: `api-key` header, or an Entra ID bearer token. */
export function checkAzureAuth(context: RequestContext): boolean {
  const apiKey = header(context, 'api-key')
  const token = bearer(context)
  if (apiKey !== undefined) {
    if (context.state.keys.azure.includes(apiKey)) return true
  } else if (token !== undefined) {
    if (token.startsWith(AZURE_ENTRA_TOKEN_PREFIX)) return true
    sendJson(context, 401, azureError('401', 'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.'))
    return false
  }
  sendJson(context, 401, azureError('401', 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'))
  return false
}

/** Refuses credentials in the query string, so a client leaking keys into URLs is caught. */
export function refuseKeyInUrl(context: RequestContext): boolean {
  if (!context.url.searchParams.has('key')) return false
  sendJson(context, 400, googleError(400, 'API keys in the URL (?key=…) are refused by the voxfetch emulator: URLs end up in logs. Send the key in the x-goog-api-key header.'))
  return true
}

/** Gemini API: `x-goog-api-key` header only. */
export function checkGeminiAuth(context: RequestContext): boolean {
  if (refuseKeyInUrl(context)) return false
  const key = header(context, 'x-goog-api-key')
  if (key && context.state.keys.gemini.includes(key)) return true
  const details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: key ? 'API_KEY_INVALID' : 'CREDENTIALS_MISSING', domain: 'googleapis.com' }]
  const message = key
    ? 'API key not valid. Please pass a valid API key.'
    : "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."
  sendJson(context, 403, googleError(403, message, details))
  return false
}

/** Vertex AI / Cloud TTS: an OAuth bearer token (static test token or one the token endpoint issued). */
export function checkVertexAuth(context: RequestContext): boolean {
  if (refuseKeyInUrl(context)) return false
  const token = bearer(context)
  const { state } = context
  const expiresAt = token ? state.issuedTokens.get(token) : undefined
  const known = token !== undefined && (state.keys.vertexToken.includes(token) || expiresAt !== undefined)
  const expired = expiresAt !== undefined && expiresAt <= Date.now()
  const revoked = token !== undefined && state.revokedTokens.has(token)
  if (known && !expired && !revoked && context.fault?.kind === 'revoke-token') {
    state.revokedTokens.add(token)
    trimTable(state.revokedTokens)
    return unauthenticated(context, 'ACCESS_TOKEN_EXPIRED')
  }
  if (known && !expired && !revoked) return true
  return unauthenticated(context, !token ? 'CREDENTIALS_MISSING' : known ? 'ACCESS_TOKEN_EXPIRED' : 'ACCESS_TOKEN_TYPE_UNSUPPORTED')
}

function unauthenticated(context: RequestContext, reason: string): false {
  const message = 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.'
  sendJson(context, 401, googleError(401, message, [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' }]), {
    'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
  })
  return false
}

/** OpenAI-style key masking: enough to recognise, never the whole key. */
function mask(key: string): string {
  return key.length <= 12 ? '*'.repeat(key.length) : `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`
}
