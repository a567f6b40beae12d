import { TRANSCRIPTION_EXTENSIONS } from '../../src/audio/media-type.ts'
import { TEST_KEYS, type LiteLLMConfig } from '../../test/emulator/index.ts'
import { speechModelInfo } from '../src/speech-capabilities.ts'
import type { PlaygroundInfo } from '../src/playground-info.ts'
import type { Upstream } from './forward.ts'

/** OpenAI's own transcription upload limit, used where a proxy declares none. */
const OPENAI_LIMIT_MB = 25

const isSpeech = (model: string) => /tts|speech/i.test(model)
const isTranscription = (model: string) => /whisper|transcri|stt/i.test(model)

/** The embedded emulator's aliases, with each transcription alias's `max_file_size_mb`. */
export function emulatorInfo(config: LiteLLMConfig): PlaygroundInfo {
  const entries = config.model_list
  return {
    upstream: { kind: 'emulator' },
    speechModels: entries
      .filter((entry) => isSpeech(entry.litellm_params.model))
      .map((entry) => speechModelInfo(entry.model_name, entry.litellm_params.model, 'emulator')),
    transcriptionModels: entries
      .filter((entry) => isTranscription(entry.litellm_params.model))
      .map((entry) => ({ name: entry.model_name, maxFileSizeMB: entry.litellm_params.max_file_size_mb ?? OPENAI_LIMIT_MB })),
    uploadFormats: [...TRANSCRIPTION_EXTENSIONS],
    // The emulator's OpenAI persona streams transcripts (openai/openai-openapi
    // CreateTranscriptionRequest `stream`); its key is the public test key README prints.
    streamingTranscription: { model: 'openai/gpt-4o-transcribe', path: '/openai/v1', apiKey: TEST_KEYS.openai },
  }
}

/** A real proxy's aliases, from its `/v1/models` (names only: its limits are not published). */
export async function proxyInfo(upstream: Upstream): Promise<PlaygroundInfo> {
  const base = upstream.url.replace(/\/$/, '')
  let ids: string[] = []
  try {
    const response = await fetch(`${base}/v1/models`, {
      headers: upstream.apiKey ? { authorization: `Bearer ${upstream.apiKey}` } : {},
      signal: AbortSignal.timeout(3000),
    })
    const body = (await response.json()) as { data?: { id?: unknown }[] }
    ids = (body.data ?? []).map((model) => model.id).filter((id): id is string => typeof id === 'string')
  } catch {
    // The page still works with typed-in model names.
  }
  const speech = ids.filter(isSpeech)
  const transcription = ids.filter(isTranscription)
  return {
    upstream: { kind: 'proxy', origin: new URL(base).origin, keyAdded: Boolean(upstream.apiKey) },
    // A real proxy's aliases hide what is behind them: the alias name is the only hint.
    speechModels: (speech.length > 0 ? speech : ['tts']).map((name) => speechModelInfo(name, name, 'proxy')),
    transcriptionModels: (transcription.length > 0 ? transcription : ['whisper']).map((name) => ({ name, maxFileSizeMB: OPENAI_LIMIT_MB })),
    uploadFormats: [...TRANSCRIPTION_EXTENSIONS],
  }
}
