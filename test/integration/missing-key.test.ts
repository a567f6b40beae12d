import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createClient, InvalidRequestError } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

// A provider that needs a key refuses to send without one, before the network: the emulator,
// standing where the provider would be, must see no request at all.
const emu = useEmulator()
const KEY_VARIABLES = [
  'OPENAI_API_KEY', 'AZURE_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_API_KEY', 'GROQ_API_KEY', 'FIREWORKS_AI_API_KEY',
  'DEEPINFRA_API_KEY', 'TOGETHERAI_API_KEY', 'HOSTED_VLLM_API_KEY', 'OPENAI_LIKE_API_KEY', 'VOXFETCH_API_KEY', 'LITELLM_PROXY_API_KEY',
]
beforeEach(() => {
  for (const name of KEY_VARIABLES) vi.stubEnv(name, '')
})
afterEach(() => vi.unstubAllEnvs())

const speak = { input: 'No key', voice: 'alloy', response_format: 'wav' as const }

describe('a direct provider call without a key', () => {
  it.each([
    ['openai/tts-1', '/openai/v1', 'OPENAI_API_KEY'],
    ['azure/tts', '/azure', 'AZURE_API_KEY'],
    ['gemini/gemini-2.5-flash-preview-tts', '/gemini/v1beta', 'GEMINI_API_KEY'],
    ['groq/playai-tts', '/openai/v1', 'GROQ_API_KEY'],
    ['fireworks_ai/tts', '/openai/v1', 'FIREWORKS_AI_API_KEY'],
    ['deepinfra/tts', '/openai/v1', 'DEEPINFRA_API_KEY'],
    ['together_ai/tts', '/openai/v1', 'TOGETHERAI_API_KEY'],
  ])('%s (at %s) fails with InvalidRequestError(apiKey) naming %s, and sends nothing', async (model, path, variable) => {
    const error = await caught(createClient({ baseURL: `${emu.emulator.url}${path}`, maxRetries: 0 }).speech({ model, ...speak }))
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect(error).toMatchObject({ field: 'apiKey' })
    expect(error.message).toContain(variable)
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('fails the same way for a transcription, before the file is even looked at', async () => {
    const error = await caught(createClient({ baseURL: `${emu.emulator.url}/openai/v1` }).transcription({
      model: 'openai/whisper-1', file: new Blob([new Uint8Array(64)], { type: 'audio/wav' }),
    }))
    expect(error).toMatchObject({ name: 'InvalidRequestError', field: 'apiKey' })
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('takes the key from the environment variable LiteLLM reads', async () => {
    vi.stubEnv('OPENAI_API_KEY', TEST_KEYS.openai)
    const audio = await createClient({ baseURL: `${emu.emulator.url}/openai/v1` }).speech({ model: 'openai/tts-1', ...speak })
    expect(audio.mediaType).toBe('audio/wav')
    expect(emu.emulator.requests).toHaveLength(1)
  })

  it('accepts an Azure Entra token in place of a key', async () => {
    const error = await caught(createClient({ baseURL: `${emu.emulator.url}/azure`, azureAdToken: 'not-a-valid-token', maxRetries: 0 })
      .speech({ model: 'azure/tts', ...speak }))
    // The request went out (and the emulator refused the token): no missing-key error.
    expect(error).not.toBeInstanceOf(InvalidRequestError)
    expect(emu.emulator.requests).toHaveLength(1)
  })

  it.each(['hosted_vllm/tts', 'openai_like/tts'])('lets %s run without a key, as LiteLLM does (no Authorization sent)', async (model) => {
    await caught(createClient({ baseURL: `${emu.emulator.url}/openai/v1`, maxRetries: 0 }).speech({ model, ...speak }))
    expect(emu.emulator.requests).toHaveLength(1)
    expect(emu.emulator.requests[0]!.headers.authorization).toBeUndefined()
  })

  it('lets a proxy alias run without a key (a proxy without master_key needs none)', async () => {
    await caught(createClient({ baseURL: emu.emulator.url, maxRetries: 0 }).speech({ model: 'tts', ...speak }))
    expect(emu.emulator.requests).toHaveLength(1)
  })
})
