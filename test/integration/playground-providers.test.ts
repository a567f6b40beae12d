import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emulatorInfo } from '../../playground/server/models.ts'
import { providerExamples } from '../../playground/server/provider-examples.ts'
import { startPlaygroundServer, type PlaygroundServer } from '../../playground/server/server.ts'
import { emulatorUpstream } from '../../playground/server/upstreams.ts'
import { createClient } from '../../src/index.ts'
import { DEFAULT_CONFIG, parseWavText, startEmulator, TEST_KEYS, type Emulator } from '../emulator/index.ts'

// `npm start` prints these base URLs: each README provider example must work against them.
let emulator: Emulator
let server: PlaygroundServer

beforeAll(async () => {
  emulator = await startEmulator({ config: DEFAULT_CONFIG })
  server = await startPlaygroundServer({ upstream: emulatorUpstream(emulator), pages: { dir: '/nonexistent' }, info: () => emulatorInfo(DEFAULT_CONFIG) })
})
afterAll(async () => {
  await server?.close()
  await emulator?.close()
})

const example = (model: string) => {
  const found = providerExamples(server.url).find((entry) => entry.model.startsWith(model))
  if (!found) throw new Error(`no printed example for ${model}`)
  return createClient({ ...found.options, maxRetries: 0 })
}

describe('npm start: the provider personas on the playground origin', () => {
  it.each([
    ['openai/', 'openai/tts-1', 'openai'],
    ['azure/', 'azure/tts', 'azure'],
    ['gemini/', 'gemini/gemini-2.5-flash-preview-tts', 'gemini'],
    ['vertex_ai/<voice>', 'vertex_ai/en-US-Wavenet-D', 'vertex-tts'],
    ['vertex_ai/gemini', 'vertex_ai/gemini-2.5-flash-preview-tts', 'vertex-gemini'],
  ])('speaks through %s with the printed options', async (prefix, model, persona) => {
    emulator.reset()
    const text = `Hello from ${persona}`
    const audio = await example(prefix).speech({ model, input: text, voice: 'alloy', response_format: 'wav' })
    const bytes = new Uint8Array(await (await audio.blob()).arrayBuffer())
    expect(audio.mediaType).toBe('audio/wav')
    expect(bytes.length).toBeGreaterThan(1000)
    // The OpenAI-shaped and Cloud TTS personas embed the text; Gemini's PCM is wrapped by voxfetch.
    if (!persona.includes('gemini')) expect(parseWavText(bytes)).toBe(text)
    expect(emulator.requests.map((request) => request.persona)).toEqual([persona])
    // The server adds the proxy key only to calls that bring no credential; these bring their own.
    expect(JSON.stringify(emulator.requests[0]?.headers)).not.toContain(TEST_KEYS.proxy)
  })
})
