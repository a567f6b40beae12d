import type { SpeechFormat } from 'voxfetch'
import { GEMINI_VOICES, OPENAI_VOICES } from './voices.ts'

/** What one speech model can do on the current server, so a page offers nothing that must fail. */
export interface SpeechModelInfo {
  name: string
  voices: readonly string[]
  /** Formats the server produces for it that a browser can play. */
  formats: readonly SpeechFormat[]
  /** Whether the model takes `instructions` (tts-1 and tts-1-hd refuse them with a 400). */
  instructions: boolean
  /** Whether `speed` is honoured (LiteLLM's Gemini bridge drops it). */
  speed: boolean
  /** Why options are missing, shown beside them. */
  note?: string
}

/** Who produces the audio: the embedded emulator (known exactly) or a real proxy (best guess). */
export type ServerKind = 'emulator' | 'proxy'

// Chromium plays these; pcm has no header to play. The emulator cannot encode opus or aac
// (test/emulator/README.md), so it is not offered them.
const PLAYABLE: Record<ServerKind, readonly SpeechFormat[]> = {
  emulator: ['mp3', 'wav', 'flac'],
  proxy: ['mp3', 'wav', 'flac', 'opus', 'aac'],
}

/**
 * `name` is the alias, `model` the deployment behind it when known (`gemini/…`, `openai/tts-1`).
 * LiteLLM's Gemini speech bridge answers wav or pcm only and drops speed and instructions
 * (BerriAI/litellm litellm/llms/gemini: the speech → generateContent bridge).
 */
export function speechModelInfo(name: string, model: string, kind: ServerKind): SpeechModelInfo {
  if (/gemini/i.test(model)) {
    return { name, voices: GEMINI_VOICES, formats: ['wav'], instructions: false, speed: false, note: 'Gemini speaks WAV only and ignores speed and instructions' }
  }
  const legacy = /(^|\/)tts-1(-hd)?$/.test(model)
  return {
    name,
    voices: OPENAI_VOICES,
    formats: PLAYABLE[kind],
    instructions: !legacy,
    speed: true,
    ...(legacy ? { note: `${model.replace(/^openai\//, '')} takes no instructions (gpt-4o-mini-tts does)` } : {}),
  }
}
