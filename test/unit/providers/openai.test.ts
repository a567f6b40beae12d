import { encodeMultipart, type MultipartForm } from '../../../src/transport/multipart.ts'
import { describe, expect, it } from 'vitest'
import { openai, openAICompatible } from '../../../src/providers/openai.ts'
import { versionedURL as openAIURL } from '../../../src/providers/versioned-url.ts'
import type { RequestContext, TranscriptionInput } from '../../../src/providers/types.ts'

const context = (overrides: Partial<RequestContext> = {}): RequestContext => ({
  route: { provider: 'proxy', model: 'tts', baseURL: 'http://proxy.test:4000' },
  credential: 'sk-proxy-key-123',
  credentialKind: 'key',
  headers: {},
  ...overrides,
})

describe('openAIURL', () => {
  it('adds /v1 to a bare base and never doubles it', () => {
    expect(openAIURL('http://proxy.test:4000', '/audio/speech')).toBe('http://proxy.test:4000/v1/audio/speech')
    expect(openAIURL('http://proxy.test:4000/', '/audio/speech')).toBe('http://proxy.test:4000/v1/audio/speech')
    expect(openAIURL('https://api.openai.com/v1', '/audio/speech')).toBe('https://api.openai.com/v1/audio/speech')
    expect(openAIURL('https://gw.test/openai/v1/', '/audio/transcriptions')).toBe('https://gw.test/openai/v1/audio/transcriptions')
  })
})

describe('speech request', () => {
  it('builds the exact proxy request with every option', () => {
    const { request, warnings } = openAICompatible.buildSpeechRequest(
      { input: 'Hello', voice: 'alloy', response_format: 'wav', speed: 1.5, instructions: 'Cheerful', extraBody: { seed: 7 } },
      context({ organization: 'org-1', project: 'proj-1', headers: { 'x-trace': 'abc' } }),
    )
    expect(warnings).toEqual([])
    expect(request).toEqual({
      url: 'http://proxy.test:4000/v1/audio/speech',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer sk-proxy-key-123',
        'openai-organization': 'org-1',
        'openai-project': 'proj-1',
        'x-trace': 'abc',
      },
      body: JSON.stringify({ model: 'tts', input: 'Hello', voice: 'alloy', response_format: 'wav', speed: 1.5, instructions: 'Cheerful', seed: 7 }),
    })
  })

  it('sends a custom voice id as an object', () => {
    const { request } = openAICompatible.buildSpeechRequest({ input: 'Hi', voice: { id: 'voice_123' }, response_format: 'mp3' }, context())
    expect(JSON.parse(request.body as string)).toEqual({ model: 'tts', input: 'Hi', voice: { id: 'voice_123' }, response_format: 'mp3' })
  })

  it('drops instructions for tts-1 on OpenAI with a warning, and keeps them for a proxy alias', () => {
    const direct = openai.buildSpeechRequest(
      { input: 'Hi', voice: 'nova', response_format: 'mp3', instructions: 'Whisper' },
      context({ route: { provider: 'openai', model: 'tts-1', baseURL: 'https://api.openai.com/v1' } }),
    )
    expect(JSON.parse(direct.request.body as string)).not.toHaveProperty('instructions')
    expect(direct.warnings).toEqual([{ option: 'instructions', message: expect.stringContaining('tts-1') }])
    const proxied = openAICompatible.buildSpeechRequest(
      { input: 'Hi', voice: 'nova', response_format: 'mp3', instructions: 'Whisper' },
      context({ route: { provider: 'proxy', model: 'tts-1', baseURL: 'http://proxy.test' } }),
    )
    expect(JSON.parse(proxied.request.body as string).instructions).toBe('Whisper')
  })

  it('says that speakers are not sent to an OpenAI-compatible server', () => {
    const { request, warnings } = openAICompatible.buildSpeechRequest(
      { input: 'Hi', voice: 'alloy', response_format: 'mp3', speakers: { Ann: 'Kore', Bob: 'Puck' } },
      context(),
    )
    expect(JSON.parse(request.body as string)).not.toHaveProperty('speakers')
    expect(warnings).toEqual([{ option: 'speakers', message: expect.stringContaining('Gemini') }])
  })

  it('refuses a missing voice before sending', () => {
    expect(() => openAICompatible.buildSpeechRequest({ input: 'Hi', response_format: 'mp3' }, context())).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError', field: 'voice' }),
    )
  })

  it('sends no authorization header without a credential', () => {
    const { request } = openAICompatible.buildSpeechRequest({ input: 'Hi', voice: 'alloy', response_format: 'mp3' }, context({ credential: undefined }))
    expect(request.headers).toEqual({ 'content-type': 'application/json' })
  })
})

describe('transcription request', () => {
  const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/webm' })
  const input: TranscriptionInput = {
    file,
    filename: 'clip.webm',
    mediaType: 'audio/webm',
    language: 'en',
    prompt: 'Names: Voxfetch',
    response_format: 'verbose_json',
    temperature: 0.2,
    timestamp_granularities: ['word', 'segment'],
    include: ['logprobs'],
    extraBody: { chunking_strategy: { type: 'server_vad', threshold: 0.4 } },
  }
  const build = (value: TranscriptionInput) =>
    openAICompatible.buildTranscriptionRequest!(value, context({ route: { provider: 'proxy', model: 'whisper', baseURL: 'http://proxy.test/v1' } })).request

  it('builds the exact multipart fields, with the file and its filename', () => {
    const request = build(input)
    expect(request.url).toBe('http://proxy.test/v1/audio/transcriptions')
    expect(request.headers).toEqual({ authorization: 'Bearer sk-proxy-key-123' })
    expect(request.body).toEqual({
      fields: [
        ['model', 'whisper'],
        ['response_format', 'verbose_json'],
        ['language', 'en'],
        ['prompt', 'Names: Voxfetch'],
        ['temperature', '0.2'],
        ['timestamp_granularities[]', 'word'],
        ['timestamp_granularities[]', 'segment'],
        ['include[]', 'logprobs'],
        // openai/openai-node src/internal/uploads.ts (addFormValue): objects as name[key], never JSON.
        ['chunking_strategy[type]', 'server_vad'],
        ['chunking_strategy[threshold]', '0.4'],
      ],
      file: { field: 'file', blob: file, filename: 'clip.webm', mediaType: 'audio/webm' },
    })
  })

  // openai/openai-openapi openapi.yaml CreateTranscriptionRequest: known_speaker_names[],
  // known_speaker_references[] (data URLs), chunking_strategy "auto" or a VadConfig object.
  it('sends the diarization options as the spec names them', () => {
    const request = build({
      file, filename: 'call.wav', mediaType: 'audio/wav', response_format: 'diarized_json',
      chunking_strategy: 'auto',
      known_speaker_names: ['agent', 'customer'],
      known_speaker_references: ['data:audio/wav;base64,AAAA', 'data:audio/wav;base64,BBBB'],
    })
    expect((request.body as { fields: unknown }).fields).toEqual([
      ['model', 'whisper'],
      ['response_format', 'diarized_json'],
      ['chunking_strategy', 'auto'],
      ['known_speaker_names[]', 'agent'],
      ['known_speaker_names[]', 'customer'],
      ['known_speaker_references[]', 'data:audio/wav;base64,AAAA'],
      ['known_speaker_references[]', 'data:audio/wav;base64,BBBB'],
    ])
  })

  it('encodes nested extraBody values as openai-node does, scalars as text', () => {
    const request = build({
      file, filename: 'clip.webm', mediaType: 'audio/webm', response_format: 'json',
      extraBody: { stream: false, keywords: ['Voxfetch', 'LiteLLM'], metadata: { tags: ['a', 'b'], depth: { level: 2 } }, rows: [{ id: 1 }] },
    })
    expect((request.body as { fields: unknown }).fields).toEqual([
      ['model', 'whisper'],
      ['response_format', 'json'],
      ['stream', 'false'],
      ['keywords[]', 'Voxfetch'],
      ['keywords[]', 'LiteLLM'],
      ['metadata[tags][]', 'a'],
      ['metadata[tags][]', 'b'],
      ['metadata[depth][level]', '2'],
      ['rows[][id]', '1'],
    ])
  })

  it('lets an extraBody field replace the typed one, never sending both', () => {
    const request = build({ file, filename: 'clip.webm', mediaType: 'audio/webm', response_format: 'json', include: ['logprobs'], extraBody: { include: ['logprobs', 'segments'] } })
    expect((request.body as { fields: unknown }).fields).toEqual([
      ['model', 'whisper'], ['response_format', 'json'], ['include[]', 'logprobs'], ['include[]', 'segments'],
    ])
  })

  it('refuses values a form cannot carry, naming the field', () => {
    const bad = (extraBody: Record<string, unknown>) => () =>
      build({ file, filename: 'clip.webm', mediaType: 'audio/webm', response_format: 'json', extraBody })
    expect(bad({ hint: null })).toThrow(expect.objectContaining({ name: 'InvalidRequestError', field: 'extraBody.hint' }))
    expect(bad({ deep: { list: [1, null] } })).toThrow(expect.objectContaining({ field: 'extraBody.deep.list[1]' }))
    expect(bad({ when: new Date(0) })).toThrow(/extraBody\.when: cannot be sent in a multipart form \(got Date\)/)
  })

  it('puts the bracketed names into the multipart body itself', async () => {
    const request = build({ file, filename: 'c.wav', mediaType: 'audio/wav', response_format: 'json', known_speaker_names: ['agent'], chunking_strategy: { type: 'server_vad' } })
    const text = await encodeMultipart(request.body as MultipartForm, 'BOUNDARY').text()
    expect(text).toContain('Content-Disposition: form-data; name="known_speaker_names[]"\r\n\r\nagent\r\n')
    expect(text).toContain('Content-Disposition: form-data; name="chunking_strategy[type]"\r\n\r\nserver_vad\r\n')
    expect(text).not.toContain('{"type"')
  })
})
