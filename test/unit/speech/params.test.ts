import { describe, expect, it, vi } from 'vitest'
import { createClient, type SpeechParams } from '../../../src/index.ts'
import type { UseSpeechOptions } from '../../../react/index.ts'

// The `@ts-expect-error` lines are checked by `npm run typecheck` (tsc covers test/): the types
// must refuse what the runtime refuses, and accept what it accepts.
const withoutVoice = (model: string) => ({ model, input: 'Hello' }) as SpeechParams

describe('speech params: voice', () => {
  it('types a voice as required where the request needs one', () => {
    // @ts-expect-error a proxy alias is sent to an OpenAI-compatible server, which requires a voice
    const alias: SpeechParams = { model: 'tts', input: 'Hello', response_format: 'pcm' }
    // @ts-expect-error OpenAI requires a voice
    const openai: SpeechParams = { model: 'openai/tts-1', input: 'Hello' }
    // @ts-expect-error the hook speaks with the same options
    const hook: UseSpeechOptions = { model: 'tts', response_format: 'wav', play: 'stream' }
    const gemini: SpeechParams = { model: 'gemini/gemini-2.5-flash-preview-tts', input: 'Hello' }
    const cloudTTS: SpeechParams = { model: 'vertex_ai/en-US-Wavenet-D', input: 'Hello' }
    const hookGemini: UseSpeechOptions = { model: 'gemini/gemini-2.5-flash-preview-tts' }
    const withVoice: SpeechParams = { model: 'tts', input: 'Hello', voice: 'alloy' }
    expect([alias, openai, hook, gemini, cloudTTS, hookGemini, withVoice]).toHaveLength(7)
  })

  it.each(['tts', 'openai/tts-1', 'azure/tts', 'groq/playai-tts'])('refuses %s without a voice before the network', async (model) => {
    const fetch = vi.fn<typeof globalThis.fetch>()
    const client = createClient({ baseURL: 'http://127.0.0.1:9', apiKey: 'sk-unit', fetch })
    await expect(client.speech(withoutVoice(model))).rejects.toMatchObject({ name: 'InvalidRequestError', field: 'voice' })
    expect(fetch).not.toHaveBeenCalled()
  })
})
