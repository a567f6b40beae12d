import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { signServiceAccountJWT } from '../../../src/auth/google-jwt.ts'
import { clearTokenCache, serviceAccountToken } from '../../../src/auth/google-token.ts'
import { readTextFile } from '../../../src/auth/read-text-file.ts'
import { loadServiceAccount } from '../../../src/auth/service-account.ts'
import { resolveCredential } from '../../../src/auth/credential.ts'
import { createClient } from '../../../src/index.ts'
import { resolveRoute } from '../../../src/pipeline/route.ts'
import type { ServiceAccount } from '../../../src/options/client-options.ts'
import { createDeadline } from '../../../src/transport/deadline.ts'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
  clearTokenCache()
})

const decode = (segment: string) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
let keys: CryptoKeyPair
let account: ServiceAccount

beforeAll(async () => {
  keys = await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64')
  account = {
    project_id: 'unit-project',
    private_key_id: 'key-id-1',
    private_key: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`,
    client_email: 'tts@unit-project.iam.gserviceaccount.com',
    token_uri: 'https://token.test/token',
  }
})

describe('service-account JWT', () => {
  it('builds the RS256 assertion Google expects, verifiable with the public key', async () => {
    const jwt = await signServiceAccountJWT(account, 1_800_000_000)
    const [header, claims, signature] = jwt.split('.') as [string, string, string]
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-id-1' })
    expect(decode(claims)).toEqual({
      iss: 'tts@unit-project.iam.gserviceaccount.com',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: 'https://token.test/token',
      iat: 1_800_000_000,
      exp: 1_800_003_600,
    })
    const valid = await crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      keys.publicKey,
      Buffer.from(signature, 'base64url'),
      new TextEncoder().encode(`${header}.${claims}`),
    )
    expect(valid).toBe(true)
  })

  it('defaults the audience to Google’s token URI and accepts escaped newlines in the key', async () => {
    const escaped = { ...account, token_uri: undefined, private_key: account.private_key.replace(/\n/g, '\\n') }
    const jwt = await signServiceAccountJWT(escaped, 1)
    expect(decode(jwt.split('.')[1]!).aud).toBe('https://oauth2.googleapis.com/token')
  })

  it('refuses keys that are not PKCS#8 PEM, naming the field', async () => {
    await expect(signServiceAccountJWT({ ...account, private_key: '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----' }, 1))
      .rejects.toMatchObject({ name: 'InvalidRequestError', field: 'vertexCredentials.private_key' })
    await expect(signServiceAccountJWT({ ...account, private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' }, 1))
      .rejects.toMatchObject({ field: 'vertexCredentials.private_key' })
  })
})

describe('loading a service account', () => {
  it('takes an object, JSON text, or a file path', async () => {
    expect(await loadServiceAccount(account, 'vertexCredentials')).toEqual(account)
    expect(await loadServiceAccount(JSON.stringify(account), 'vertexCredentials')).toEqual(account)
    const dir = await mkdtemp(join(tmpdir(), 'voxfetch-sa-'))
    const path = join(dir, 'key.json')
    await writeFile(path, JSON.stringify(account))
    expect(await loadServiceAccount(path, 'GOOGLE_APPLICATION_CREDENTIALS')).toEqual(account)
  })

  it('reads files without getBuiltinModule too (Node < 20.16)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'voxfetch-sa-'))
    await writeFile(join(dir, 'a.txt'), 'plain text')
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined })
    expect(await readTextFile(join(dir, 'a.txt'))).toBe('plain text')
  })

  it('drops fields signing does not need, and refuses what is not a key', async () => {
    expect(await loadServiceAccount({ ...account, type: 'service_account', client_id: '1' } as ServiceAccount, 'vertexCredentials')).toEqual(account)
    expect(() => createClient({ vertexCredentials: 42 as never })).toThrow(
      expect.objectContaining({ field: 'vertexCredentials', message: expect.stringContaining('service-account key') }),
    )
  })

  it('names the option and field in errors, never the key', async () => {
    await expect(loadServiceAccount('/nonexistent/key.json', 'GOOGLE_APPLICATION_CREDENTIALS')).rejects.toMatchObject({
      field: 'GOOGLE_APPLICATION_CREDENTIALS',
      message: expect.stringContaining('ENOENT'),
    })
    await expect(loadServiceAccount('{"client_email": ', 'vertexCredentials')).rejects.toMatchObject({ field: 'vertexCredentials' })
    const error = await loadServiceAccount({ ...account, client_email: undefined } as never, 'modelList[1].litellm_params.vertex_credentials').catch((caught: Error) => caught)
    expect(error).toMatchObject({ field: 'modelList[1].litellm_params.vertex_credentials.client_email' })
    expect((error as Error).message).not.toContain(account.private_key.slice(40, 80))
  })
})

describe('service-account tokens', () => {
  const tokenEndpoint = () => {
    const calls: Array<{ url: string; body: string; contentType: string | null }> = []
    let issued = 0
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), body: String(init?.body), contentType: new Headers(init?.headers).get('content-type') })
      return Response.json({ access_token: `token-${++issued}`, expires_in: 3599, token_type: 'Bearer' })
    }) as unknown as typeof globalThis.fetch
    return { fetch, calls }
  }
  const options = (fetch: typeof globalThis.fetch, extra = {}) => ({ deadline: createDeadline(5_000, undefined), maxRetries: 0, fetch, ...extra })

  it('exchanges a signed JWT at token_uri and caches the token until shortly before expiry', async () => {
    const { fetch, calls } = tokenEndpoint()
    let now = 1_800_000_000_000
    const clock = () => now
    expect(await serviceAccountToken(account, options(fetch, { now: clock }))).toBe('token-1')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe('https://token.test/token')
    expect(calls[0]!.contentType).toBe('application/x-www-form-urlencoded')
    const form = new URLSearchParams(calls[0]!.body)
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer')
    expect(decode(form.get('assertion')!.split('.')[1]!)).toMatchObject({ iss: account.client_email, iat: 1_800_000_000 })

    now += 50 * 60_000 // 50 minutes later: still cached
    expect(await serviceAccountToken(account, options(fetch, { now: clock }))).toBe('token-1')
    expect(calls).toHaveLength(1)
    now += 5 * 60_000 // under 5 minutes left: replaced
    expect(await serviceAccountToken(account, options(fetch, { now: clock }))).toBe('token-2')
    expect(calls).toHaveLength(2)
  })

  it('mints a new token when the cached one was refused', async () => {
    const { fetch, calls } = tokenEndpoint()
    const first = await serviceAccountToken(account, options(fetch))
    expect(await serviceAccountToken(account, options(fetch, { rejected: first }))).toBe('token-2')
    expect(await serviceAccountToken(account, options(fetch, { rejected: 'an-older-token' }))).toBe('token-2')
    expect(calls).toHaveLength(2)
  })

  it('reports a refused exchange as an APIError without the assertion', async () => {
    let assertion = ''
    const fetch = (async (_url: unknown, init?: RequestInit) => {
      assertion = new URLSearchParams(String(init?.body)).get('assertion')!
      return Response.json({ error: 'invalid_grant', error_description: `Invalid JWT Signature. ${assertion}` }, { status: 400 })
    }) as typeof globalThis.fetch
    const error = await serviceAccountToken(account, options(fetch)).catch((caught: Error) => caught)
    expect(error).toMatchObject({ name: 'APIError', status: 400, provider: 'vertex_ai', code: 'invalid_grant' })
    expect((error as Error).message).toContain('Invalid JWT Signature')
    expect((error as Error).message).toContain('Google access token')
    expect((error as Error).message).not.toContain(assertion)
  })
})

describe('Vertex credentials', () => {
  const context = () => ({ deadline: createDeadline(5_000, undefined), maxRetries: 0 })

  it('prefers accessToken (string or function) over any service account', async () => {
    const withString = { accessToken: 'ya29.given', vertexCredentials: account }
    expect(await resolveCredential(resolveRoute('vertex_ai/chirp', withString), withString, context())).toEqual({ value: 'ya29.given', kind: 'token' })
    let calls = 0
    const withFunction = { accessToken: async () => `ya29.fn-${++calls}` }
    const credential = await resolveCredential(resolveRoute('vertex_ai/chirp', withFunction), withFunction, context())
    expect(credential).toMatchObject({ value: 'ya29.fn-1', kind: 'token' })
    expect((await credential.refresh!()).value).toBe('ya29.fn-2')
  })

  it('reads VERTEXAI_PROJECT, VERTEXAI_LOCATION and GOOGLE_APPLICATION_CREDENTIALS', async () => {
    vi.stubEnv('VERTEXAI_PROJECT', 'env-project')
    vi.stubEnv('VERTEXAI_LOCATION', 'europe-west1')
    expect(resolveRoute('vertex_ai/gemini-2.5-flash-preview-tts', {})).toMatchObject({
      provider: 'vertex_ai', model: 'gemini-2.5-flash-preview-tts', vertexProject: 'env-project', vertexLocation: 'europe-west1', apiKey: undefined,
    })
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', '/nonexistent/sa.json')
    await expect(resolveCredential(resolveRoute('vertex_ai/chirp', {}), {}, context())).rejects.toMatchObject({ field: 'GOOGLE_APPLICATION_CREDENTIALS' })
  })

  it('says what is missing when there is no credential at all', async () => {
    await expect(resolveCredential(resolveRoute('vertex_ai/chirp', {}), {}, context())).rejects.toMatchObject({ name: 'InvalidRequestError', field: 'accessToken' })
  })

  it('needs a project for Gemini models before minting a token', async () => {
    const fetch = vi.fn() as unknown as typeof globalThis.fetch
    const options = { vertexCredentials: { ...account, project_id: undefined } }
    await expect(resolveCredential(resolveRoute('vertex_ai/gemini-2.5-flash-preview-tts', options), options, { ...context(), fetch }))
      .rejects.toMatchObject({ field: 'vertexProject' })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('refuses a service-account key in a browser, even when opted in to keys', async () => {
    vi.stubGlobal('document', {})
    const client = createClient({ vertexCredentials: account, dangerouslyAllowBrowser: true })
    await expect(client.speech({ model: 'vertex_ai/chirp', input: 'Hi' })).rejects.toMatchObject({ name: 'InvalidRequestError', field: 'vertexCredentials' })
    const modelList = [{ model_name: 'tts', litellm_params: { model: 'vertex_ai/chirp', vertex_credentials: JSON.stringify(account) } }]
    await expect(createClient({ modelList }).speech({ model: 'tts', input: 'Hi', voice: 'alloy' })).rejects.toMatchObject({ field: 'vertexCredentials' })
  })
})

describe('browser key policy for the direct providers', () => {
  it('lets short-lived tokens through and refuses provider keys unless opted in', async () => {
    vi.stubGlobal('document', {})
    const offline = { baseURL: 'http://127.0.0.1:9', maxRetries: 0 }
    await expect(createClient({ ...offline, azureAdToken: 'entra' }).speech({ model: 'azure/tts', input: 'Hi', voice: 'alloy' }))
      .rejects.toMatchObject({ name: 'ConnectionError' })
    await expect(createClient({ ...offline, accessToken: 'ya29.x' }).speech({ model: 'vertex_ai/chirp', input: 'Hi', voice: 'en-US-Wavenet-D' }))
      .rejects.toMatchObject({ name: 'ConnectionError' })
    await expect(createClient({ ...offline, apiKey: 'gemini-key' }).speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: 'Hi' }))
      .rejects.toMatchObject({ name: 'InvalidRequestError', field: 'dangerouslyAllowBrowser' })
    await expect(createClient({ ...offline, apiKey: 'azure-key' }).speech({ model: 'azure/tts', input: 'Hi', voice: 'alloy' }))
      .rejects.toMatchObject({ field: 'dangerouslyAllowBrowser' })
    await expect(createClient({ ...offline, apiKey: 'gemini-key', dangerouslyAllowBrowser: true }).speech({ model: 'gemini/gemini-2.5-flash-preview-tts', input: 'Hi' }))
      .rejects.toMatchObject({ name: 'ConnectionError' })
  })
})
