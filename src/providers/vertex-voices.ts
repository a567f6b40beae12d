/**
 * Cloud Text-to-Speech voices for OpenAI voice names. The first six are LiteLLM's own mapping
 * (PROVIDERS.md §6), kept so results match a proxy; the rest follow the same rule of a voice
 * of the same perceived gender (Wavenet voices, available in every project):
 *
 * | OpenAI  | Google          |   | OpenAI | Google          |
 * |---------|-----------------|---|--------|-----------------|
 * | alloy   | en-US-Studio-O  |   | ash    | en-US-Wavenet-B |
 * | echo    | en-US-Studio-M  |   | ballad | en-GB-Wavenet-B |
 * | fable   | en-GB-Studio-B  |   | coral  | en-US-Wavenet-C |
 * | onyx    | en-US-Wavenet-D |   | sage   | en-US-Wavenet-E |
 * | nova    | en-US-Studio-O  |   | verse  | en-US-Wavenet-I |
 * | shimmer | en-US-Wavenet-F |   | marin  | en-US-Wavenet-H |
 * |         |                 |   | cedar  | en-US-Wavenet-J |
 *
 * Without a voice (and no voice-like model name such as `vertex_ai/en-US-Wavenet-D`), Cloud TTS
 * speaks with {@link DEFAULT_GOOGLE_VOICE}, alloy's voice.
 */
export const OPENAI_TO_GOOGLE_VOICE: Readonly<Record<string, string>> = {
  alloy: 'en-US-Studio-O',
  echo: 'en-US-Studio-M',
  fable: 'en-GB-Studio-B',
  onyx: 'en-US-Wavenet-D',
  nova: 'en-US-Studio-O',
  shimmer: 'en-US-Wavenet-F',
  ash: 'en-US-Wavenet-B',
  ballad: 'en-GB-Wavenet-B',
  coral: 'en-US-Wavenet-C',
  sage: 'en-US-Wavenet-E',
  verse: 'en-US-Wavenet-I',
  marin: 'en-US-Wavenet-H',
  cedar: 'en-US-Wavenet-J',
}

export const DEFAULT_GOOGLE_VOICE = 'en-US-Studio-O'

/** `en-US-Wavenet-D` → `en-US`: Google voice names start with their language code. */
export function languageCodeOf(voiceName: string): string | undefined {
  return /^([a-z]{2,3}-[a-z0-9]{2,4})-./i.exec(voiceName)?.[1]
}
