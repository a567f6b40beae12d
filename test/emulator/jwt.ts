import { verify } from 'node:crypto'
import type { EmulatorState } from './state.ts'

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform'
/** Clock skew tolerated on `iat`, like Google's token endpoint. */
const SKEW_SECONDS = 300

export type AssertionCheck =
  | { ok: true; email: string; scope: string }
  | { ok: false; error: 'invalid_grant' | 'invalid_scope' | 'invalid_request'; description: string }

const fail = (description: string, error: 'invalid_grant' | 'invalid_scope' | 'invalid_request' = 'invalid_grant'): AssertionCheck => ({ ok: false, error, description })

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** Verifies a service-account JWT bearer assertion: RS256 signature, issuer, audience, scope, lifetime. */
export function verifyAssertion(assertion: string, state: EmulatorState, audience: string, now = Date.now()): AssertionCheck {
  const parts = assertion.split('.')
  const header = decodeSegment(parts[0])
  const claims = decodeSegment(parts[1])
  if (parts.length !== 3 || !header || !claims) return fail('Invalid JWT: the assertion is not a well-formed JWS compact serialization.')
  if (header.alg !== 'RS256') return fail(`Invalid JWT: alg must be RS256, got ${String(header.alg)}.`)
  const account = typeof claims.iss === 'string' ? state.serviceAccounts.get(claims.iss) : undefined
  if (!account) return fail('Invalid grant: account not found')
  if (header.kid !== undefined && header.kid !== account.keyId) return fail('Invalid JWT Signature.')
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`)
  if (!verify('RSA-SHA256', signed, account.publicKey, Buffer.from(parts[2] ?? '', 'base64url'))) return fail('Invalid JWT Signature.')
  if (claims.aud !== audience) return fail(`Invalid JWT: Failed audience check. The expected audience is ${audience}.`)
  const scope = typeof claims.scope === 'string' ? claims.scope : ''
  if (!scope.split(/\s+/).includes(CLOUD_PLATFORM_SCOPE)) return fail('Invalid OAuth scope or ID token audience provided.', 'invalid_scope')
  const { iat, exp } = claims
  const seconds = now / 1000
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > 3600 || exp <= iat
    || iat > seconds + SKEW_SECONDS || exp <= seconds) {
    return fail('Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.')
  }
  return { ok: true, email: claims.iss as string, scope }
}
