import { createHash } from 'node:crypto'
import { parse } from 'yaml'
import { TEST_KEYS } from './keys.ts'
import type { LiteLLMConfig, ModelEntry } from './types.ts'

/** The sample proxy config `npm start` serves. */
export const DEFAULT_CONFIG: LiteLLMConfig = {
  model_list: [
    { model_name: 'tts', litellm_params: { model: 'openai/tts-1' } },
    { model_name: 'tts-hd', litellm_params: { model: 'openai/tts-1-hd' } },
    { model_name: 'gpt-4o-mini-tts', litellm_params: { model: 'openai/gpt-4o-mini-tts' } },
    { model_name: 'gemini-tts', litellm_params: { model: 'gemini/gemini-2.5-flash-preview-tts' } },
    { model_name: 'whisper', litellm_params: { model: 'openai/whisper-1', max_file_size_mb: 25 } },
    { model_name: 'whisper-small', litellm_params: { model: 'openai/whisper-1', max_file_size_mb: 1 } },
    { model_name: 'gpt-4o-transcribe', litellm_params: { model: 'openai/gpt-4o-transcribe' } },
    { model_name: 'chat', litellm_params: { model: 'openai/gpt-4o-mini' } },
  ],
  general_settings: { master_key: TEST_KEYS.proxy },
}

/** Accepts a config object or YAML text and checks the shape the emulator relies on. */
export function parseConfig(config: LiteLLMConfig | string | undefined): LiteLLMConfig {
  const value: unknown = typeof config === 'string' ? parse(config) : (config ?? DEFAULT_CONFIG)
  if (!isRecord(value) || !Array.isArray(value.model_list)) {
    throw new TypeError('emulator config needs a model_list array')
  }
  for (const entry of value.model_list as unknown[]) {
    if (!isRecord(entry) || typeof entry.model_name !== 'string' || !isRecord(entry.litellm_params)
      || typeof entry.litellm_params.model !== 'string') {
      throw new TypeError('each model_list entry needs model_name and litellm_params.model')
    }
  }
  return value as LiteLLMConfig
}

export function findModel(config: LiteLLMConfig, name: unknown): ModelEntry | undefined {
  return typeof name === 'string' ? config.model_list.find((entry) => entry.model_name === name) : undefined
}

/** LiteLLM reports a deployment id: `model_info.id` or a stable hash of the entry. */
export function modelId(entry: ModelEntry): string {
  if (typeof entry.model_info?.id === 'string') return entry.model_info.id
  return createHash('sha256').update(JSON.stringify([entry.model_name, entry.litellm_params])).digest('hex')
}

/** `gemini/…` and `vertex_ai/gemini-…` deployments speak the Gemini voice rules. */
export function isGeminiModel(entry: ModelEntry): boolean {
  const model = entry.litellm_params.model
  return model.startsWith('gemini/') || /^vertex_ai\/gemini-/.test(model)
}

/** The model name after the provider prefix: `openai/tts-1` → `tts-1`. */
export function upstreamModel(entry: ModelEntry): string {
  const model = entry.litellm_params.model
  const slash = model.indexOf('/')
  return slash === -1 ? model : model.slice(slash + 1)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
