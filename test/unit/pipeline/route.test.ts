import { afterEach, describe, expect, it, vi } from 'vitest'
import { resolveRoute } from '../../../src/pipeline/route.ts'

afterEach(() => vi.unstubAllEnvs())

describe('resolveRoute', () => {
  it('sends openai/<model> to OpenAI with OPENAI_API_KEY', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env-openai-key')
    expect(resolveRoute('openai/tts-1', {})).toMatchObject({
      provider: 'openai',
      model: 'tts-1',
      baseURL: 'https://api.openai.com/v1',
      apiKey: 'sk-env-openai-key',
    })
  })

  it('lets baseURL and apiKey options win over the environment', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env-openai-key')
    vi.stubEnv('OPENAI_BASE_URL', 'https://env.example/v1')
    expect(resolveRoute('openai/tts-1', { baseURL: 'http://gw.test/v1', apiKey: 'sk-option' })).toMatchObject({
      baseURL: 'http://gw.test/v1',
      apiKey: 'sk-option',
    })
    expect(resolveRoute('openai/tts-1', {}).baseURL).toBe('https://env.example/v1')
  })

  it('sends a bare name to the proxy named by baseURL or VOXFETCH_BASE_URL', () => {
    expect(resolveRoute('tts', { baseURL: 'http://proxy.test:4000', apiKey: 'sk-virtual' })).toMatchObject({
      provider: 'proxy',
      model: 'tts',
      baseURL: 'http://proxy.test:4000',
      apiKey: 'sk-virtual',
    })
    vi.stubEnv('VOXFETCH_BASE_URL', 'http://env-proxy.test')
    vi.stubEnv('VOXFETCH_API_KEY', 'sk-env-proxy')
    expect(resolveRoute('tts', {})).toMatchObject({ provider: 'proxy', baseURL: 'http://env-proxy.test', apiKey: 'sk-env-proxy' })
  })

  it('keeps an unknown prefix as part of a proxy alias, and strips litellm_proxy/', () => {
    expect(resolveRoute('team-a/tts', { baseURL: 'http://p.test' }).model).toBe('team-a/tts')
    expect(resolveRoute('litellm_proxy/openai/tts-1', { baseURL: 'http://p.test' })).toMatchObject({
      provider: 'proxy',
      model: 'openai/tts-1',
    })
  })

  it('refuses a bare name without a proxy, saying what to do', () => {
    expect(() => resolveRoute('tts-1', {})).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError', field: 'model', message: expect.stringContaining('baseURL') }),
    )
  })

  it('routes OpenAI-compatible prefixes to their known bases', () => {
    vi.stubEnv('GROQ_API_KEY', 'gsk-env')
    expect(resolveRoute('groq/whisper-large-v3', {})).toMatchObject({
      provider: 'openai_compatible',
      model: 'whisper-large-v3',
      baseURL: 'https://api.groq.com/openai/v1',
      apiKey: 'gsk-env',
    })
    expect(() => resolveRoute('hosted_vllm/whisper', {})).toThrow(expect.objectContaining({ field: 'baseURL' }))
  })

  it('never sends the caller’s key to a model-list entry that points elsewhere', () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-env-openai-key')
    const modelList = [{ model_name: 'tts', litellm_params: { model: 'openai/tts-1', api_base: 'https://api.openai.com/v1' } }]
    const route = resolveRoute('tts', { baseURL: 'http://proxy.test', apiKey: 'sk-proxy-virtual', modelList })
    expect(route).toMatchObject({ provider: 'openai', baseURL: 'https://api.openai.com/v1', apiKey: 'sk-env-openai-key' })
  })

  it('resolves a model-list alias to its deployment, with its file size limit', () => {
    vi.stubEnv('MY_OPENAI_KEY', 'sk-from-env-ref')
    const modelList = [
      { model_name: 'whisper', litellm_params: { model: 'openai/whisper-1', api_key: 'os.environ/MY_OPENAI_KEY', max_file_size_mb: 5 } },
    ]
    expect(resolveRoute('whisper', { modelList })).toMatchObject({
      provider: 'openai',
      model: 'whisper-1',
      apiKey: 'sk-from-env-ref',
      maxFileSizeMB: 5,
    })
    expect(resolveRoute('whisper', { modelList, maxFileSizeMB: 2 }).maxFileSizeMB).toBe(2)
  })
})
