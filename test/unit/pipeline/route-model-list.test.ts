import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient } from '../../../src/index.ts'
import { loadConfig } from '../../../src/node/index.ts'
import { resolveRoute } from '../../../src/pipeline/route.ts'

afterEach(() => vi.unstubAllEnvs())

const modelList = [
  { model_name: 'tts', litellm_params: { model: 'openai/tts-1', api_key: 'os.environ/MY_OPENAI_KEY' } },
  { model_name: 'azure-tts', litellm_params: { model: 'azure/tts-deploy', api_base: 'os.environ/MY_AZURE_BASE', api_key: 'os.environ/MY_AZURE_KEY', api_version: '2024-10-21' } },
  { model_name: 'gemini-tts', litellm_params: { model: 'gemini/gemini-2.5-flash-preview-tts', api_key: 'os.environ/MY_GEMINI_KEY' } },
  {
    model_name: 'vertex-tts',
    litellm_params: { model: 'vertex_ai/gemini-2.5-pro-preview-tts', vertex_project: 'os.environ/MY_PROJECT', vertex_location: 'global', vertex_credentials: '/secrets/sa.json' },
  },
  { model_name: 'whisper', litellm_params: { model: 'groq/whisper-large-v3', api_key: 'gsk-inline', max_file_size_mb: 10 } },
]

describe('model_list aliases', () => {
  it('resolves each alias to its deployment with os.environ/ values read', () => {
    vi.stubEnv('MY_OPENAI_KEY', 'sk-openai-env')
    vi.stubEnv('MY_AZURE_BASE', 'https://res.openai.azure.com')
    vi.stubEnv('MY_AZURE_KEY', 'azure-env')
    vi.stubEnv('MY_GEMINI_KEY', 'gemini-env')
    vi.stubEnv('MY_PROJECT', 'proj-env')
    expect(resolveRoute('tts', { modelList })).toMatchObject({ provider: 'openai', model: 'tts-1', apiKey: 'sk-openai-env' })
    expect(resolveRoute('azure-tts', { modelList })).toMatchObject({
      provider: 'azure', model: 'tts-deploy', baseURL: 'https://res.openai.azure.com', apiKey: 'azure-env', apiVersion: '2024-10-21',
    })
    expect(resolveRoute('gemini-tts', { modelList })).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash-preview-tts', apiKey: 'gemini-env' })
    expect(resolveRoute('vertex-tts', { modelList })).toMatchObject({
      provider: 'vertex_ai', model: 'gemini-2.5-pro-preview-tts', vertexProject: 'proj-env', vertexLocation: 'global', vertexCredentials: '/secrets/sa.json',
    })
    expect(resolveRoute('whisper', { modelList })).toMatchObject({
      provider: 'openai_compatible', baseURL: 'https://api.groq.com/openai/v1', apiKey: 'gsk-inline', maxFileSizeMB: 10,
    })
  })

  it('names the entry index and field when an os.environ/ variable is not set', () => {
    expect(() => resolveRoute('gemini-tts', { modelList })).toThrow(
      expect.objectContaining({ name: 'InvalidRequestError', field: 'modelList[2].litellm_params.api_key', message: expect.stringContaining('MY_GEMINI_KEY') }),
    )
  })

  it('names the entry index and field for a missing base or a bad model', () => {
    vi.stubEnv('MY_AZURE_KEY', 'azure-env')
    const list = [{ model_name: 'a', litellm_params: { model: 'azure/x', api_key: 'k' } }, { model_name: 'b', litellm_params: { model: 'tts-1' } }]
    expect(() => resolveRoute('a', { modelList: list })).toThrow(expect.objectContaining({ field: 'modelList[0].litellm_params.api_base' }))
    expect(() => resolveRoute('b', { modelList: list })).toThrow(expect.objectContaining({ field: 'modelList[1].litellm_params.model' }))
    const badBase = [{ model_name: 'c', litellm_params: { model: 'openai/tts-1', api_base: 'localhost:4000' } }]
    expect(() => resolveRoute('c', { modelList: badBase })).toThrow(expect.objectContaining({ field: 'modelList[0].litellm_params.api_base' }))
  })

  it('reports schema errors of createClient by entry index', () => {
    expect(() => createClient({ modelList: [modelList[0]!, { model_name: 'x', litellm_params: { model: 'openai/tts-1', max_file_size_mb: -1 } }] }))
      .toThrow(expect.objectContaining({ field: 'modelList[1].litellm_params.max_file_size_mb' }))
  })

  it('keeps the caller’s maxFileSizeMB for OpenAI-compatible prefixes', () => {
    expect(resolveRoute('groq/whisper-large-v3', { maxFileSizeMB: 3 }).maxFileSizeMB).toBe(3)
  })

  it('applies the alias’s max_file_size_mb before uploading', async () => {
    const client = createClient({ modelList, maxRetries: 0 })
    const file = new Blob([new Uint8Array(11 * 1024 * 1024)], { type: 'audio/wav' })
    await expect(client.transcription({ model: 'whisper', file })).rejects.toMatchObject({ name: 'FileTooLargeError', maxFileSizeMB: 10, fileSizeMB: 11 })
  })
})

describe('loadConfig', () => {
  const write = async (name: string, text: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'voxfetch-config-'))
    const path = join(dir, name)
    await writeFile(path, text)
    return path
  }

  it('reads a LiteLLM config.yaml, resolving os.environ/ values that are set', async () => {
    const path = await write('config.yaml', [
      'model_list:',
      '  # speech',
      '  - model_name: tts',
      '    litellm_params:',
      '      model: openai/tts-1',
      '      api_key: os.environ/CONFIG_OPENAI_KEY',
      '  - model_name: "gemini-tts"',
      '    litellm_params:',
      "      model: 'gemini/gemini-2.5-flash-preview-tts'",
      '      api_key: os.environ/CONFIG_UNSET_KEY',
      '  - model_name: whisper',
      '    litellm_params: { model: azure/whisper, api_base: "https://r.openai.azure.com", api_key: k, max_file_size_mb: 2.5 }',
      '    model_info:',
      '      mode: audio_transcription',
      'litellm_settings:',
      '  request_timeout: 90',
      '  num_retries: 3',
      'general_settings:',
      '  master_key: os.environ/LITELLM_MASTER_KEY',
      '',
    ].join('\n'))
    const config = await loadConfig(path, { env: { CONFIG_OPENAI_KEY: 'sk-from-config-env' } })
    expect(config).toEqual({
      modelList: [
        { model_name: 'tts', litellm_params: { model: 'openai/tts-1', api_key: 'sk-from-config-env' } },
        { model_name: 'gemini-tts', litellm_params: { model: 'gemini/gemini-2.5-flash-preview-tts', api_key: 'os.environ/CONFIG_UNSET_KEY' } },
        {
          model_name: 'whisper',
          litellm_params: { model: 'azure/whisper', api_base: 'https://r.openai.azure.com', api_key: 'k', max_file_size_mb: 2.5 },
          model_info: { mode: 'audio_transcription' },
        },
      ],
      timeout: 90_000,
      maxRetries: 3,
    })
    // Ready for createClient as it is; an unset variable is reported only when its alias is used.
    const client = createClient(config)
    await expect(client.speech({ model: 'gemini-tts', input: 'Hi', voice: 'Kore' })).rejects.toMatchObject({ field: 'modelList[1].litellm_params.api_key' })
  })

  it('reads process.env by default, and JSON configs too', async () => {
    vi.stubEnv('CONFIG_JSON_KEY', 'sk-json')
    const path = await write('config.json', JSON.stringify({ model_list: [{ model_name: 'tts', litellm_params: { model: 'openai/tts-1', api_key: 'os.environ/CONFIG_JSON_KEY' } }] }))
    expect((await loadConfig(path)).modelList![0]!.litellm_params.api_key).toBe('sk-json')
  })

  it('names the file and the entry when the config is wrong', async () => {
    const noList = await write('c.yaml', 'general_settings:\n  master_key: x\n')
    await expect(loadConfig(noList)).rejects.toMatchObject({ field: 'model_list', message: expect.stringContaining(noList) })
    const badEntry = await write('d.yaml', 'model_list:\n  - model_name: tts\n    litellm_params:\n      model: openai/tts-1\n  - model_name: x\n    litellm_params: {}\n')
    await expect(loadConfig(badEntry)).rejects.toMatchObject({ field: 'model_list[1].litellm_params.model', message: expect.stringContaining(badEntry) })
    const badYaml = await write('e.yaml', 'model_list: [\n')
    await expect(loadConfig(badYaml)).rejects.toMatchObject({ name: 'InvalidRequestError', message: expect.stringContaining('not valid YAML') })
  })
})
