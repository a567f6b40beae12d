import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CLOUD_PLATFORM_SCOPE, createServiceAccount, startEmulator, type Emulator, type ServiceAccountJson } from '../emulator/index.ts'
import { postJson, scenario } from './helpers.ts'

let emulator: Emulator
let account: ServiceAccountJson

beforeAll(async () => {
  emulator = await startEmulator()
  account = await createServiceAccount(emulator, { projectId: 'voxfetch-tests' })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const now = () => Math.floor(Date.now() / 1000)
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

function assertion(claims: Record<string, unknown> = {}, privateKey = account.private_key, header: Record<string, unknown> = {}): string {
  const body = `${encode({ alg: 'RS256', typ: 'JWT', kid: account.private_key_id, ...header })}.${encode({
    iss: account.client_email, scope: CLOUD_PLATFORM_SCOPE, aud: account.token_uri, iat: now(), exp: now() + 3600, ...claims,
  })}`
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), createPrivateKey(privateKey)).toString('base64url')}`
}

function exchange(jwt: string, grantType = 'urn:ietf:params:oauth:grant-type:jwt-bearer', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(account.token_uri, { method: 'POST', headers, body: new URLSearchParams({ grant_type: grantType, assertion: jwt }) })
}

const synthesize = (token: string, headers: Record<string, string> = {}) => postJson(`${emulator.url}/vertex-tts/v1/text:synthesize`, {
  input: { text: 'Token accepted.' }, voice: { languageCode: 'en-US' }, audioConfig: { audioEncoding: 'PCM' },
}, { authorization: `Bearer ${token}`, ...headers })

describe('google token endpoint', () => {
  it('returns a Google-shaped service account pointing at the emulator', () => {
    expect(account).toMatchObject({
      type: 'service_account', project_id: 'voxfetch-tests', token_uri: `${emulator.url}/google-token/token`,
      client_email: expect.stringMatching(/@voxfetch-tests\.iam\.gserviceaccount\.com$/),
    })
    expect(account.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/)
  })

  it('exchanges a valid RS256 assertion for a token the Vertex personas accept', async () => {
    const response = await exchange(assertion())
    expect(response.status).toBe(200)
    const token = await response.json()
    expect(token).toEqual({ access_token: expect.stringMatching(/^ya29\.emulated-/), expires_in: 3599, token_type: 'Bearer' })
    expect(emulator.requests[0]).toMatchObject({ persona: 'google-token', fields: { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' } })
    expect((await synthesize(token.access_token)).status).toBe(200)
  })

  it.each([
    ['a bad signature', () => assertion({}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), 'invalid_grant', 'Invalid JWT Signature.'],
    ['a wrong audience', () => assertion({ aud: 'https://oauth2.googleapis.com/token' }), 'invalid_grant', /Failed audience check/],
    ['an expired assertion', () => assertion({ iat: now() - 7200, exp: now() - 3600 }), 'invalid_grant', /Token must be a short-lived token \(60 minutes\)/],
    ['a lifetime over an hour', () => assertion({ exp: now() + 7200 }), 'invalid_grant', /short-lived/],
    ['an iat in the future', () => assertion({ iat: now() + 3600, exp: now() + 4000 }), 'invalid_grant', /reasonable timeframe/],
    ['no cloud-platform scope', () => assertion({ scope: 'https://www.googleapis.com/auth/devstorage.read_only' }), 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.'],
    ['an unknown issuer', () => assertion({ iss: 'someone@else.iam.gserviceaccount.com' }), 'invalid_grant', 'Invalid grant: account not found'],
    ['HS256', () => assertion({}, account.private_key, { alg: 'HS256' }), 'invalid_grant', /alg must be RS256/],
    ['garbage', () => 'not.a.jwt', 'invalid_grant', /well-formed/],
  ])('refuses %s', async (_name, make, error, description) => {
    const response = await exchange(make())
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error).toBe(error)
    if (typeof description === 'string') expect(body.error_description).toBe(description)
    else expect(body.error_description).toMatch(description)
  })

  it('refuses other grant types and non-form bodies', async () => {
    expect((await (await exchange(assertion(), 'client_credentials')).json()).error).toBe('unsupported_grant_type')
    const json = await postJson(account.token_uri, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: assertion() })
    expect((await json.json()).error).toBe('invalid_request')
  })

  it('revoke-token answers 401 once and keeps that token revoked; a fresh token then works', async () => {
    const first = (await (await exchange(assertion())).json()).access_token as string
    const id = scenario()
    const fault = { 'x-emulator-fault': 'revoke-token', 'x-emulator-scenario': id }
    const revoked = await synthesize(first, fault)
    expect(revoked.status).toBe(401)
    expect((await revoked.json()).error).toMatchObject({ status: 'UNAUTHENTICATED', details: [{ reason: 'ACCESS_TOKEN_EXPIRED' }] })
    expect((await synthesize(first, fault)).status).toBe(401)
    const second = (await (await exchange(assertion())).json()).access_token as string
    expect((await synthesize(second, fault)).status).toBe(200)
  })

  it('issues short-lived tokens on request (x-emulator-token-ttl)', async () => {
    const token = await (await exchange(assertion(), undefined, { 'x-emulator-token-ttl': '0' })).json()
    expect(token.expires_in).toBe(0)
    const response = await synthesize(token.access_token)
    expect(response.status).toBe(401)
    expect((await response.json()).error.details[0].reason).toBe('ACCESS_TOKEN_EXPIRED')
  })
})
