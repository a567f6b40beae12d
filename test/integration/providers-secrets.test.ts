import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createClient, type ClientOptions } from '../../src/index.ts'
import { AZURE_ENTRA_TOKEN_PREFIX, createServiceAccount, TEST_KEYS } from '../emulator/index.ts'
import { expectNoSecrets } from './secret-walk.ts'
import { fault, useEmulator } from './setup.ts'

const emu = useEmulator()
const ENTRA_TOKEN = `${AZURE_ENTRA_TOKEN_PREFIX}secret-4Fv7`
const logged: unknown[][] = []
const errors: Error[] = []
const secrets = new Set<string>([...Object.values(TEST_KEYS), ENTRA_TOKEN])

beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args))
  }
})
afterAll(() => vi.restoreAllMocks())

/** A server that echoes every credential it was given back in its error body. */
const echoingFetch: typeof globalThis.fetch = async (_url, init) => {
  const headers = new Headers(init?.headers)
  const echoed = [...headers.entries()].map(([name, value]) => `${name}=${value}`).join(' ')
  return Response.json({ error: { code: 400, message: `Bad request from ${echoed}`, status: 'INVALID_ARGUMENT' } }, { status: 400 })
}

async function attempt(options: ClientOptions, model: string, extra: Record<string, unknown> = {}) {
  const client = createClient({ maxRetries: 0, ...options })
  const result = await client.speech({ model, input: 'Keep it secret', voice: 'alloy', response_format: 'wav', ...extra }).then(
    (audio) => audio.arrayBuffer(),
    (error: Error) => void errors.push(error),
  )
  return result
}

describe('credentials never leave the headers', () => {
  it('keeps keys and tokens out of URLs, error messages and logs, for every provider', async () => {
    const { url } = emu.emulator
    const account = await createServiceAccount(emu.emulator)
    secrets.add(account.private_key.split('\n')[5]!)
    const azure = { baseURL: `${url}/azure`, apiKey: TEST_KEYS.azure }
    const gemini = { baseURL: `${url}/gemini/v1beta`, apiKey: TEST_KEYS.gemini }
    const vertex = { baseURL: `${url}/vertex-tts`, vertexCredentials: account }

    // Successes, including a token refresh.
    await attempt(azure, 'azure/tts')
    await attempt({ ...azure, apiKey: undefined, azureAdTokenProvider: () => ENTRA_TOKEN }, 'azure/tts')
    await attempt(gemini, 'gemini/gemini-2.5-flash-preview-tts')
    await attempt(vertex, 'vertex_ai/chirp', { voice: 'en-US-Wavenet-D' })
    await attempt(vertex, 'vertex_ai/chirp', { voice: 'en-US-Wavenet-D', headers: fault('revoke-token', 1) })
    await attempt({ baseURL: `${url}/vertex-tts`, accessToken: TEST_KEYS.vertexToken }, 'vertex_ai/chirp', { voice: 'en-US-Wavenet-D' })
    // Failures at the servers.
    await attempt({ ...azure, apiKey: `${TEST_KEYS.azure}-wrong` }, 'azure/tts')
    await attempt({ ...gemini, apiKey: `${TEST_KEYS.gemini}-wrong` }, 'gemini/gemini-2.5-flash-preview-tts')
    await attempt(gemini, 'gemini/gemini-2.5-flash-preview-tts', { headers: fault('500') })
    await attempt({ baseURL: `${url}/vertex-tts`, accessToken: `${TEST_KEYS.vertexToken}-wrong` }, 'vertex_ai/chirp', { voice: 'en-US-Wavenet-D' })
    await attempt(vertex, 'vertex_ai/chirp', { voice: 'Kore' })
    // Servers that echo the credentials they were sent.
    await attempt({ ...azure, fetch: echoingFetch }, 'azure/tts')
    await attempt({ ...azure, apiKey: undefined, azureAdToken: ENTRA_TOKEN, fetch: echoingFetch }, 'azure/tts')
    await attempt({ ...gemini, fetch: echoingFetch }, 'gemini/gemini-2.5-flash-preview-tts')
    await attempt({ ...vertex, accessToken: TEST_KEYS.vertexToken, fetch: echoingFetch }, 'vertex_ai/chirp', { voice: 'en-US-Wavenet-D' })

    // Tokens the emulator minted are secrets too.
    for (const request of emu.emulator.requests) {
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
      if (token) secrets.add(token)
    }
    expect(emu.emulator.requests.length).toBeGreaterThan(12)
    expect(errors.length).toBeGreaterThanOrEqual(9)

    for (const secret of secrets) {
      for (const request of emu.emulator.requests) expect(request.url, request.url).not.toContain(secret)
      // Every own property, getter and cause, recursively, and the inspect and JSON forms.
      for (const error of errors) expectNoSecrets(error, [secret])
      for (const args of logged) expect(JSON.stringify(args)).not.toContain(secret)
    }
  })
})
