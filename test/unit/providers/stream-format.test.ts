import { describe, expect, it } from 'vitest'
import { azure } from '../../../src/providers/azure.ts'
import { gemini } from '../../../src/providers/gemini.ts'
import { openai, openAICompatible } from '../../../src/providers/openai.ts'
import type { ProviderId, RequestContext, SpeechInput, TranscriptionInput } from '../../../src/providers/types.ts'
import { vertex } from '../../../src/providers/vertex.ts'

const context = (provider: ProviderId, model: string, baseURL: string, extra: Partial<RequestContext['route']> = {}): RequestContext => ({
  route: { provider, model, baseURL, ...extra },
  credential: 'key-123',
  credentialKind: provider === 'vertex_ai' ? 'token' : 'key',
  headers: {},
})
const sse = (extra: Partial<SpeechInput> = {}): SpeechInput => ({ input: 'Hi', voice: 'alloy', response_format: 'wav', stream_format: 'sse', ...extra })
const upload: TranscriptionInput = { file: new Blob(['x']), filename: 'a.wav', mediaType: 'audio/wav', response_format: 'json', stream: true }
const fieldsOf = (body: unknown) => (body as { fields: Array<[string, string]> }).fields

describe('stream_format in speech requests', () => {
  it('is sent to OpenAI, Azure and OpenAI-compatible servers', () => {
    for (const [adapter, route] of [
      [openai, context('openai', 'gpt-4o-mini-tts', 'https://api.openai.com/v1')],
      [openAICompatible, context('openai_compatible', 'tts-x', 'https://gw.test/v1')],
      [azure, context('azure', 'tts-deployment', 'https://x.openai.azure.com')],
    ] as const) {
      const { request, warnings } = adapter.buildSpeechRequest(sse(), route)
      expect(JSON.parse(request.body as string)).toMatchObject({ stream_format: 'sse' })
      expect(warnings).toEqual([])
    }
  })

  it('is not sent to a LiteLLM proxy or to tts-1, with a warning; nothing is sent for audio', () => {
    const proxy = openAICompatible.buildSpeechRequest(sse(), context('proxy', 'tts', 'http://proxy.test:4000'))
    const legacy = openai.buildSpeechRequest(sse(), context('openai', 'tts-1-hd', 'https://api.openai.com/v1'))
    const plain = openai.buildSpeechRequest(sse({ stream_format: 'audio' }), context('openai', 'gpt-4o-mini-tts', 'https://api.openai.com/v1'))
    for (const built of [proxy, legacy, plain]) expect(JSON.parse(built.request.body as string)).not.toHaveProperty('stream_format')
    expect(proxy.warnings).toEqual([{ option: 'stream_format', message: 'not sent, as a LiteLLM proxy drops it' }])
    expect(legacy.warnings).toEqual([{ option: 'stream_format', message: 'not sent, as tts-1-hd has no SSE' }])
    expect(plain.warnings).toEqual([])
  })

  it('turns Gemini and Vertex Gemini calls into streamGenerateContent?alt=sse with the same body', () => {
    const geminiContext = context('gemini', 'gemini-2.5-flash-preview-tts', '')
    const streamed = gemini.buildSpeechRequest(sse({ voice: 'Kore' }), geminiContext).request
    const whole = gemini.buildSpeechRequest(sse({ voice: 'Kore', stream_format: undefined }), geminiContext).request
    expect(streamed.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-preview-tts:streamGenerateContent?alt=sse')
    expect(whole.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-preview-tts:generateContent')
    expect(streamed.body).toBe(whole.body)
    const onVertex = vertex.buildSpeechRequest(sse({ voice: 'Kore' }), context('vertex_ai', 'gemini-2.5-pro-preview-tts', '', { vertexProject: 'p', vertexLocation: 'global' }))
    expect(onVertex.request.url).toBe('https://aiplatform.googleapis.com/v1/projects/p/locations/global/publishers/google/models/gemini-2.5-pro-preview-tts:streamGenerateContent?alt=sse')
  })

  it('warns that Cloud TTS does not stream over REST', () => {
    const { warnings } = vertex.buildSpeechRequest(sse({ voice: 'en-US-Wavenet-D' }), context('vertex_ai', 'chirp', ''))
    expect(warnings.map((warning) => warning.option)).toEqual(['stream_format'])
  })
})

describe('stream in transcription requests', () => {
  it('is a stream=true part for OpenAI and Azure, and not sent to a proxy (with a warning)', () => {
    const direct = openai.buildTranscriptionRequest!(upload, context('openai', 'gpt-4o-transcribe', 'https://api.openai.com/v1'))
    const onAzure = azure.buildTranscriptionRequest!(upload, context('azure', 'stt', 'https://x.openai.azure.com'))
    const proxy = openAICompatible.buildTranscriptionRequest!(upload, context('proxy', 'whisper', 'http://proxy.test:4000'))
    expect(fieldsOf(direct.request.body)).toContainEqual(['stream', 'true'])
    expect(fieldsOf(onAzure.request.body)).toContainEqual(['stream', 'true'])
    expect(fieldsOf(proxy.request.body).map(([name]) => name)).not.toContain('stream')
    expect(proxy.warnings).toEqual([{ option: 'stream', message: 'not sent, as a LiteLLM proxy answers whole' }])
    expect(fieldsOf(openai.buildTranscriptionRequest!({ ...upload, stream: false }, context('openai', 'gpt-4o-transcribe', 'https://api.openai.com/v1')).request.body).map(([name]) => name)).not.toContain('stream')
  })
})
