import { randomBytes } from 'node:crypto'
import { trimTable } from '../bounded.ts'
import type { RequestContext } from '../context.ts'
import { oauthError } from '../errors.ts'
import { verifyAssertion } from '../jwt.ts'
import { sendJson } from '../respond.ts'

/*
 * Facts: googleapis/node-gtoken src/index.ts (requestToken): a form-urlencoded POST of
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` and `assertion=<RS256 JWT>` (claims iss,
 * scope, aud = the token URL, iat, exp = iat + 3600); the answer's `access_token`, `expires_in`
 * and `token_type` are read, and a refusal is `{ error, error_description }`. The exact error
 * codes and texts per refusal and the 3599 s lifetime are Google's as observed: no googleapis
 * repository documents them. The scope a Vertex or Cloud TTS token is asked for,
 * `https://www.googleapis.com/auth/cloud-platform`, is the one those services list in
 * googleapis/googleapis google/cloud/texttospeech/v1/texttospeech_v1.yaml and
 * google/cloud/aiplatform/v1/aiplatform_v1.yaml (`authentication: … canonical_scopes`).
 */
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
/** Google issues tokens valid for an hour and reports 3599 s (observed; not in a repository). */
const LIFETIME_SECONDS = 3599

/**
 * POST /google-token/token — the service-account token exchange. `x-emulator-token-ttl: <s>`
 * issues a token that expires after that many seconds (0 = already expired at Vertex).
 */
export function googleToken(context: RequestContext): void {
  const { fields } = context.body
  const contentType = context.request.headers['content-type'] ?? ''
  if (!contentType.startsWith('application/x-www-form-urlencoded') || !fields) {
    return sendJson(context, 400, oauthError('invalid_request', 'Invalid request: the body must be application/x-www-form-urlencoded.'))
  }
  const grantType = fields.grant_type
  if (grantType !== JWT_BEARER) return sendJson(context, 400, oauthError('unsupported_grant_type', `Invalid grant_type: ${String(grantType ?? '')}`))
  const assertion = fields.assertion
  if (typeof assertion !== 'string' || !assertion) return sendJson(context, 400, oauthError('invalid_request', 'Missing required parameter: assertion'))
  const check = verifyAssertion(assertion, context.state, `${context.state.url}/google-token/token`)
  if (!check.ok) return sendJson(context, 400, oauthError(check.error, check.description))
  const ttlHeader = context.request.headers['x-emulator-token-ttl']
  const ttl = typeof ttlHeader === 'string' && /^\d+$/.test(ttlHeader) ? Number(ttlHeader) : LIFETIME_SECONDS
  const token = `ya29.emulated-${randomBytes(24).toString('base64url')}`
  context.state.issuedTokens.set(token, Date.now() + ttl * 1000)
  trimTable(context.state.issuedTokens)
  sendJson(context, 200, { access_token: token, expires_in: ttl, token_type: 'Bearer' }, { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' })
}
