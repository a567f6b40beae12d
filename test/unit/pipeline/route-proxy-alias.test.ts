// The exact requests voxfetch builds for proxy aliases and for providers it talks to itself
// (issue 9, points 1 to 4), and the errors it builds from LiteLLM's numbers.
import { describe, expect, it } from 'vitest'
import { toAPIError } from '../../../src/errors/from-response.ts'
import { FileTooLargeError } from '../../../src/errors/classes.ts'
import { openai, openAICompatible, proxy } from '../../../src/providers/openai.ts'
import { adapterFor } from '../../../src/providers/registry.ts'
import type { RequestContext } from '../../../src/providers/types.ts'
import { resolveRoute } from '../../../src/pipeline/route.ts'

const context: RequestContext = {
  route: { provider: 'proxy', model: 'gemini-tts', baseURL: 'http://proxy.test:4000' },
  credential: 'sk-proxy-key-123',
  credentialKind: 'key',
  headers: {},
}

describe('1. a proxy alias gets a format only when the caller names one', () => {
  it('uses the proxy adapter for bare aliases and litellm_proxy/ names', async () => {
    expect(resolveRoute('gemini-tts', { baseURL: 'http://proxy.test:4000' }).provider).toBe('proxy')
    expect(resolveRoute('litellm_proxy/gemini-tts', { baseURL: 'http://proxy.test:4000' })).toMatchObject({ provider: 'proxy', model: 'gemini-tts' })
    expect(await adapterFor('proxy')).toBe(proxy)
  })

  it('has no default format for a proxy alias, and mp3 where voxfetch talks to OpenAI itself', () => {
    expect(proxy.defaultSpeechFormat?.('gemini-tts')).toBeUndefined()
    expect(openai.defaultSpeechFormat).toBeUndefined() // speech() then uses OpenAI's own default, mp3
  })

  it('builds the exact request without response_format', () => {
    const { request } = proxy.buildSpeechRequest({ input: 'Hello', voice: 'Kore' }, context)
    expect(request).toEqual({
      url: 'http://proxy.test:4000/v1/audio/speech',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-proxy-key-123' },
      body: '{"model":"gemini-tts","input":"Hello","voice":"Kore"}',
    })
  })

  it('builds the exact request with the format asked for', () => {
    const { request } = proxy.buildSpeechRequest({ input: 'Hello', voice: 'Kore', response_format: 'pcm' }, context)
    expect(request.body).toBe('{"model":"gemini-tts","input":"Hello","voice":"Kore","response_format":"pcm"}')
  })
})

describe('4. limits hold only where voxfetch knows the provider', () => {
  it('sets no character limit on a proxy alias, 4096 on OpenAI (openai/openai-openapi CreateSpeechRequest)', () => {
    expect(proxy.maxInputChars).toBe(Number.POSITIVE_INFINITY)
    expect(openai.maxInputChars).toBe(4096)
    expect(openAICompatible.maxInputChars).toBe(4096)
  })
})

describe('3. FileTooLargeError in LiteLLM’s words', () => {
  it('prints the seed’s numbers as LiteLLM does, byte for byte', () => {
    expect(new FileTooLargeError({ fileSizeMB: 1.5, maxFileSizeMB: 1 }).message)
      .toBe('File size is too large. Please check your file size. Passed file size: 1.5 MB. Max file size: 1.0 MB')
    expect(new FileTooLargeError({ fileSizeMB: 100 / 1048576, maxFileSizeMB: 25 }).message)
      .toBe('File size is too large. Please check your file size. Passed file size: 9.5367431640625e-05 MB. Max file size: 25.0 MB')
  })

  it('keeps the message of a proxy refusal verbatim, and its numbers as numbers', () => {
    const message = 'File size is too large. Please check your file size. Passed file size: 2.0 MB. Max file size: 1.0 MB'
    const body = JSON.stringify({ error: { message, type: 'bad_request', param: 'file', code: '500' } })
    const error = toAPIError(new Response(body, { status: 500 }), body, 'proxy', [])
    expect(error).toBeInstanceOf(FileTooLargeError)
    expect(error).toMatchObject({ message, fileSizeMB: 2, maxFileSizeMB: 1, status: 500 })
  })
})
