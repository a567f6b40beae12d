import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/index.ts'
import { loadConfig } from '../../src/node/index.ts'
import { createServiceAccount, describeAudio, parseWavText, synthesizeSpeech, TEST_KEYS } from '../emulator/index.ts'
import { caught, useEmulator } from './setup.ts'

const emu = useEmulator()
const spokenWav = async (text: string) => new Blob([(await synthesizeSpeech(text, 'wav')).bytes as BlobPart], { type: 'audio/wav' })

describe('a LiteLLM model_list without the proxy', () => {
  it('calls every provider by alias, as the proxy would', async () => {
    const { url } = emu.emulator
    const account = await createServiceAccount(emu.emulator, { projectId: 'alias-project' })
    const client = createClient({
      maxRetries: 0,
      modelList: [
        { model_name: 'tts', litellm_params: { model: 'openai/tts-1', api_base: `${url}/openai/v1`, api_key: TEST_KEYS.openai } },
        { model_name: 'azure-tts', litellm_params: { model: 'azure/tts', api_base: `${url}/azure`, api_key: TEST_KEYS.azure, api_version: '2025-04-01-preview' } },
        { model_name: 'gemini-tts', litellm_params: { model: 'gemini/gemini-2.5-flash-preview-tts', api_base: `${url}/gemini/v1beta`, api_key: TEST_KEYS.gemini } },
        { model_name: 'google-tts', litellm_params: { model: 'vertex_ai/chirp', api_base: `${url}/vertex-tts`, vertex_credentials: JSON.stringify(account) } },
        {
          model_name: 'vertex-gemini-tts',
          litellm_params: { model: 'vertex_ai/gemini-2.5-flash-preview-tts', api_base: `${url}/vertex`, vertex_credentials: account, vertex_location: 'us-east5' },
        },
        { model_name: 'whisper', litellm_params: { model: 'azure/whisper', api_base: `${url}/azure`, api_key: TEST_KEYS.azure, max_file_size_mb: 1 } },
        { model_name: 'local-whisper', litellm_params: { model: 'hosted_vllm/whisper-1', api_base: `${url}/openai/v1`, api_key: TEST_KEYS.openai } },
      ],
    })
    const texts: Record<string, string | undefined> = {}
    for (const model of ['tts', 'azure-tts', 'gemini-tts', 'google-tts', 'vertex-gemini-tts']) {
      const audio = await client.speech({ model, input: `Alias ${model}`, voice: 'alloy', response_format: 'wav' })
      const bytes = new Uint8Array(await audio.arrayBuffer())
      texts[model] = parseWavText(bytes) ?? describeAudio(bytes, bytes.subarray(-4096), bytes.byteLength, 'a.wav').text
    }
    expect(texts).toEqual({
      tts: 'Alias tts', 'azure-tts': 'Alias azure-tts', 'gemini-tts': 'Alias gemini-tts',
      'google-tts': 'Alias google-tts', 'vertex-gemini-tts': 'Alias vertex-gemini-tts',
    })
    expect(emu.emulator.requests.map((request) => `${request.persona} ${request.url}`)).toEqual([
      'openai /openai/v1/audio/speech',
      'azure /azure/openai/deployments/tts/audio/speech?api-version=2025-04-01-preview',
      'gemini /gemini/v1beta/models/gemini-2.5-flash-preview-tts:generateContent',
      'google-token /google-token/token',
      'vertex-tts /vertex-tts/v1/text:synthesize',
      'vertex-gemini /vertex/v1/projects/alias-project/locations/us-east5/publishers/google/models/gemini-2.5-flash-preview-tts:generateContent',
    ])

    const file = await spokenWav('Alias transcription')
    expect(await client.transcription({ model: 'whisper', file })).toMatchObject({ text: 'Alias transcription', provider: 'azure' })
    expect(await client.transcription({ model: 'local-whisper', file })).toMatchObject({ text: 'Alias transcription', provider: 'openai_compatible' })
    expect(emu.emulator.requests.slice(-2).map((request) => request.url)).toEqual([
      '/azure/openai/deployments/whisper/audio/transcriptions?api-version=2025-02-01-preview',
      '/openai/v1/audio/transcriptions',
    ])
    const big = new Blob([new Uint8Array(1024 * 1024 + 1)], { type: 'audio/wav' })
    expect(await caught(client.transcription({ model: 'whisper', file: big }))).toMatchObject({ name: 'FileTooLargeError', maxFileSizeMB: 1 })
    expect(emu.emulator.requests).toHaveLength(8)
  })

  it('transcribes through any OpenAI-compatible server by prefix and base URL', async () => {
    const result = await createClient({ baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai }).transcription({
      model: 'groq/whisper-1', file: await spokenWav('Groq style'), response_format: 'verbose_json',
    })
    expect(result).toMatchObject({ text: 'Groq style', format: 'verbose_json', provider: 'openai_compatible' })
    expect(emu.emulator.requests[0]).toMatchObject({ persona: 'openai', fields: { model: 'whisper-1' } })
  })

  it('loads a config.yaml with loadConfig, ready for createClient', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'voxfetch-config-'))
    const path = join(dir, 'config.yaml')
    await writeFile(path, [
      'model_list:',
      '  - model_name: gemini-tts',
      '    litellm_params:',
      '      model: gemini/gemini-2.5-flash-preview-tts',
      '      api_key: os.environ/VOXFETCH_TEST_GEMINI_KEY',
      `      api_base: ${emu.emulator.url}/gemini/v1beta`,
      '  - model_name: tts',
      '    litellm_params:',
      '      model: azure/tts',
      `      api_base: ${emu.emulator.url}/azure`,
      '      api_key: os.environ/VOXFETCH_TEST_AZURE_KEY',
      'litellm_settings:',
      '  num_retries: 0',
    ].join('\n'))
    const config = await loadConfig(path, { env: { VOXFETCH_TEST_GEMINI_KEY: TEST_KEYS.gemini, VOXFETCH_TEST_AZURE_KEY: TEST_KEYS.azure } })
    const client = createClient(config)
    const gemini = await client.speech({ model: 'gemini-tts', input: 'Loaded from YAML', voice: 'Kore' })
    const bytes = new Uint8Array(await gemini.arrayBuffer())
    expect(describeAudio(bytes, bytes.subarray(-4096), bytes.byteLength, 'a.wav').text).toBe('Loaded from YAML')
    const azure = await client.speech({ model: 'tts', input: 'Azure from YAML', voice: 'nova', response_format: 'wav' })
    expect(parseWavText(new Uint8Array(await azure.arrayBuffer()))).toBe('Azure from YAML')
  })
})
