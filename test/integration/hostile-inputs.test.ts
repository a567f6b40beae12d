import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, InvalidRequestError, isVoxfetchError } from '../../src/index.ts'
import { startTinyServer } from './tiny-server.ts'

// Property tests that throw random input at the public API: every failure is a typed voxfetch
// error, and input refused as invalid never produces a request.
let server: Awaited<ReturnType<typeof startTinyServer>>
beforeAll(async () => {
  server = await startTinyServer((_request, response) => response.writeHead(200, { 'content-type': 'audio/wav' }).end('RIFF0000WAVEfmt '))
})
afterAll(() => server.close())

const KEY = 'sk-hostile-inputs-key-0001'
const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'prototype', 'hasOwnProperty', 'valueOf', '__defineGetter__']
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...PROTOTYPE_NAMES, 'a\r\nb', 'x\0', '', ' '))

/** A fetch that never sends: it records URLs and answers like a server would. */
function recordingFetch() {
  const urls: string[] = []
  const fetch: typeof globalThis.fetch = async (input) => {
    urls.push(String(input))
    return new Response('RIFF0000WAVEfmt ', { headers: { 'content-type': 'audio/wav' } })
  }
  return { urls, fetch }
}

function expectTyped(error: unknown) {
  expect(isVoxfetchError(error), String(error)).toBe(true)
}

describe('random input at the public API', () => {
  it('headers: refused before any request, or sent exactly as given (no injected header)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(anyText, anyText, { maxKeys: 4 }), async (headers) => {
        const before = server.seen.length
        try {
          await createClient({ baseURL: server.url, apiKey: KEY, maxRetries: 0, headers }).speech({ model: 'tts', input: 'hi', voice: 'alloy' })
        } catch (error) {
          expectTyped(error)
          expect(error).toBeInstanceOf(InvalidRequestError)
          expect((error as Error).message).not.toContain(KEY)
          expect(server.seen.length).toBe(before)
          return
        }
        const seen = server.seen.at(-1)!.headers
        const sent = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value.trim()]))
        for (const [name, value] of Object.entries(sent)) expect(Object.hasOwn(seen, name) ? String(seen[name]).trim() : undefined).toBe(value.replace(/^[\t ]+|[\t ]+$/g, ''))
        const known = new Set(['host', 'connection', 'content-type', 'content-length', 'accept', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'user-agent', 'authorization'])
        for (const name of Object.keys(seen))  expect(known.has(name) || Object.hasOwn(sent, name), `unexpected header ${name}`).toBe(true)
      }),
      { numRuns: 150 },
    )
  })

  it('base URLs: a typed error, or requests only to the URL given, never with credentials in it', async () => {
    const url = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webUrl({ authoritySettings: { withUserInfo: true } }),
      anyText,
      fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'http://u:p@h.test', '//evil.test', 'http://[::1]:1/x', 'ftp://h.test'),
    )
    await fc.assert(
      fc.asyncProperty(url, async (baseURL) => {
        const { urls, fetch } = recordingFetch()
        try {
          await createClient({ baseURL, apiKey: KEY, maxRetries: 0, fetch }).speech({ model: 'tts', input: 'hi', voice: 'alloy' })
        } catch (error) {
          expectTyped(error)
          if (error instanceof InvalidRequestError) expect(urls).toEqual([])
        }
        for (const sent of urls) {
          const target = new URL(sent)
          expect(target.username + target.password).toBe('')
          expect(target.origin).toBe(new URL(baseURL).origin)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('model names and voices: typed errors only, and requests only to known hosts', async () => {
    const prefix = fc.constantFrom('', 'openai/', 'azure/', 'gemini/', 'vertex_ai/', 'groq/', 'litellm_proxy/', ...PROTOTYPE_NAMES.map((name) => `${name}/`))
    const model = fc.tuple(prefix, anyText).map(([head, tail]) => head + tail)
    const voice = fc.oneof(anyText, fc.constantFrom('alloy', 'Kore', 'en-US-Wavenet-D'), fc.record({ id: anyText }))
    const hosts = new Set([new URL(server.url).host, 'api.openai.com', 'generativelanguage.googleapis.com', 'texttospeech.googleapis.com', 'us-central1-aiplatform.googleapis.com', 'api.groq.com'])
    await fc.assert(
      fc.asyncProperty(model, voice, fc.boolean(), async (name, chosen, withBase) => {
        const { urls, fetch } = recordingFetch()
        try {
          const client = createClient({
            ...(withBase && { baseURL: server.url }),
            apiKey: KEY, accessToken: 'ya29.hostile-token', vertexProject: 'my-project-1', maxRetries: 0, fetch,
          })
          await client.speech({ model: name, input: 'hi', voice: chosen as never })
        } catch (error) {
          expectTyped(error)
          expect((error as Error).message).not.toContain(KEY)
          if (error instanceof InvalidRequestError) expect(urls).toEqual([])
        }
        for (const sent of urls) expect(hosts.has(new URL(sent).host), sent).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('configuration objects: a typed error or a client, and no prototype reached', async () => {
    const entry = fc.record(
      {
        model_name: fc.oneof(anyText, fc.anything()),
        litellm_params: fc.oneof(
          fc.record({ model: anyText, api_base: fc.oneof(anyText, fc.webUrl()), vertex_location: anyText, api_key: anyText }, { requiredKeys: [] }),
          fc.object(),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    )
    const options = fc.record(
      {
        modelList: fc.oneof(fc.array(entry, { maxLength: 3 }), fc.anything()),
        vertexLocation: anyText,
        vertexProject: anyText,
        maxResponseBytes: fc.oneof(fc.integer(), fc.anything()),
        headers: fc.oneof(fc.dictionary(anyText, anyText), fc.anything()),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(options, fc.constantFrom('tts', 'vertex_ai/gemini-2.5-flash-preview-tts', ...PROTOTYPE_NAMES), async (config, model) => {
        const { urls, fetch } = recordingFetch()
        try {
          const client = createClient({ ...(config as object), fetch, maxRetries: 0, baseURL: server.url, accessToken: 'ya29.hostile-token' })
          await client.speech({ model, input: 'hi', voice: 'Kore' })
        } catch (error) {
          expectTyped(error)
          if (error instanceof InvalidRequestError) expect(urls).toEqual([])
        }
        expect(({} as Record<string, unknown>).api_base).toBeUndefined()
        for (const sent of urls) expect(new URL(sent).username).toBe('')
      }),
      { numRuns: 300 },
    )
  })
})
