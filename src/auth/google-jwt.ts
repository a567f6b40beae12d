import { decodeBase64, encodeBase64Url } from '../util/base64.ts'
import { InvalidRequestError } from '../errors/classes.ts'
import type { ServiceAccount } from '../options/client-options.ts'

export const GOOGLE_TOKEN_URI = 'https://oauth2.googleapis.com/token'
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform'
const LIFETIME_SECONDS = 3600

/** The JWT header and claims of a service-account token request (Google's OAuth 2 JWT flow). */
export function serviceAccountClaims(account: ServiceAccount, nowSeconds: number) {
  return {
    header: { alg: 'RS256', typ: 'JWT', ...(account.private_key_id && { kid: account.private_key_id }) },
    claims: {
      iss: account.client_email,
      scope: CLOUD_PLATFORM_SCOPE,
      aud: account.token_uri || GOOGLE_TOKEN_URI,
      iat: nowSeconds,
      exp: nowSeconds + LIFETIME_SECONDS,
    },
  }
}

/** Signs the assertion with RS256 through WebCrypto: the same code in Node, Deno, Bun and workers. */
export async function signServiceAccountJWT(account: ServiceAccount, nowSeconds: number): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) throw new InvalidRequestError('vertexCredentials', 'signing a token needs WebCrypto (crypto.subtle), which this runtime lacks')
  const { header, claims } = serviceAccountClaims(account, nowSeconds)
  const encoder = new TextEncoder()
  const signingInput = `${encodeBase64Url(encoder.encode(JSON.stringify(header)))}.${encodeBase64Url(encoder.encode(JSON.stringify(claims)))}`
  const key = await importPrivateKey(account.private_key)
  const signature = await subtle.sign('RSASSA-PKCS1-v1_5', key, encoder.encode(signingInput))
  return `${signingInput}.${encodeBase64Url(new Uint8Array(signature))}`
}

async function importPrivateKey(pem: string): Promise<CryptoKey> {
  // JSON keys sometimes arrive with literal "\n" sequences (e.g. from an env var).
  const text = pem.replace(/\\n/g, '\n')
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(text)
  if (!match) {
    throw new InvalidRequestError('vertexCredentials.private_key', 'must be a PKCS#8 PEM key (-----BEGIN PRIVATE KEY-----), as in Google’s JSON keys')
  }
  try {
    const der = decodeBase64(match[1]!.replace(/\s+/g, ''))
    return await globalThis.crypto.subtle.importKey(
      'pkcs8',
      der as BufferSource,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    )
  } catch (error) {
    throw new InvalidRequestError('vertexCredentials.private_key', 'is not a usable RSA private key', { cause: error })
  }
}
