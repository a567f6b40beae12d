import { toAPIError } from '../errors/from-response.ts'
import { APIError } from '../errors/classes.ts'
import { redactHeaders } from '../errors/redact.ts'
import type { ServiceAccount } from '../options/client-options.ts'
import type { Deadline } from '../transport/deadline.ts'
import { readAll } from '../transport/read-text.ts'
import { send } from '../transport/send.ts'
import { GOOGLE_TOKEN_URI, signServiceAccountJWT } from './google-jwt.ts'

export interface TokenFetchOptions {
  deadline: Deadline
  maxRetries: number
  fetch?: typeof globalThis.fetch | undefined
  /** The token a server just refused: it is dropped from the cache and a new one minted. */
  rejected?: string | undefined
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number
}

interface CachedToken {
  token: string
  expiresAt: number
}

/** Tokens live an hour; one is replaced this long before it expires (or at half-life if shorter). */
const REFRESH_MARGIN_MS = 5 * 60_000
const cache = new Map<string, CachedToken>()
// A token answer is a few hundred bytes; anything near this is not one.
const MAX_TOKEN_ANSWER_BYTES = 64 * 1024

/**
 * An OAuth access token for a service account, minted (signed JWT → token_uri) when none is
 * cached or the cached one is about to expire. Concurrent first calls may each mint one; that
 * is harmless and keeps every call under its own deadline.
 */
export async function serviceAccountToken(account: ServiceAccount, options: TokenFetchOptions): Promise<string> {
  const now = options.now ?? Date.now
  const tokenURI = account.token_uri || GOOGLE_TOKEN_URI
  const key = [account.client_email, account.private_key_id ?? '', tokenURI, account.private_key.slice(-48)].join('\n')
  const cached = cache.get(key)
  if (cached && cached.token === options.rejected) cache.delete(key)
  else if (cached && now() < cached.expiresAt) return cached.token
  const assertion = await signServiceAccountJWT(account, Math.floor(now() / 1000))
  const { token, lifetimeMs } = await exchange(tokenURI, assertion, options)
  cache.set(key, { token, expiresAt: now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2) })
  return token
}

/** Forgets every cached token (tests; or after rotating keys). */
export function clearTokenCache(): void {
  cache.clear()
}

async function exchange(tokenURI: string, assertion: string, options: TokenFetchOptions) {
  const { deadline } = options
  const secrets = [assertion]
  const response = await send(
    {
      url: tokenURI,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
    },
    {
      deadline,
      maxRetries: options.maxRetries,
      fetch: options.fetch,
      toError: (failed, body) => tokenError(toAPIError(failed, body, 'vertex_ai', secrets)),
    },
  )
  // The call's deadline goes on to cover the request the token is for: read without releasing it.
  const text = await readAll(response, deadline, MAX_TOKEN_ANSWER_BYTES)
  let json: { access_token?: unknown; expires_in?: unknown } | undefined
  try {
    json = JSON.parse(text)
  } catch {}
  const token = json?.access_token
  if (typeof token !== 'string' || token.length === 0) {
    throw new APIError({
      status: response.status,
      provider: 'vertex_ai',
      message: `${response.status} Unexpected answer from the Google token endpoint: no access_token in it`,
      headers: redactHeaders(response.headers, [...secrets, ...(typeof token === 'string' ? [token] : [])]),
    })
  }
  const seconds = Number(json?.expires_in)
  return { token, lifetimeMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000 }
}

function tokenError(error: Error): Error {
  if (!(error instanceof APIError)) return error
  return new APIError({
    status: error.status,
    provider: error.provider,
    message: `${error.message} (while exchanging the service-account key for a Google access token)`,
    type: error.type,
    param: error.param,
    code: error.code,
    requestId: error.requestId,
    headers: error.headers,
    body: error.body,
  })
}
