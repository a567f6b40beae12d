/**
 * Gemini TTS prebuilt voices, and the Gemini voice each OpenAI voice name is spoken with.
 *
 * Gemini refuses OpenAI names such as `alloy`, so code written for OpenAI would fail. Each
 * OpenAI voice maps to a Gemini voice of the same perceived gender and a similar character
 * (Google describes each voice with one word, in brackets):
 *
 * | OpenAI  | Gemini      | why                                  |
 * |---------|-------------|--------------------------------------|
 * | alloy   | Zephyr      | balanced, bright (Bright)            |
 * | ash     | Puck        | lively male (Upbeat)                 |
 * | ballad  | Algieba     | warm, smooth male (Smooth)           |
 * | coral   | Sulafat     | warm female (Warm)                   |
 * | echo    | Charon      | clear, even male (Informative)       |
 * | fable   | Fenrir      | expressive storyteller (Excitable)   |
 * | onyx    | Orus        | deep, authoritative male (Firm)      |
 * | nova    | Leda        | young, energetic female (Youthful)   |
 * | sage    | Vindemiatrix| calm female (Gentle)                 |
 * | shimmer | Achernar    | soft female (Soft)                   |
 * | verse   | Sadachbia   | expressive male (Lively)             |
 * | marin   | Despina     | natural female (Smooth)              |
 * | cedar   | Iapetus     | natural male (Clear)                 |
 *
 * Without a voice Gemini speaks with {@link DEFAULT_GEMINI_VOICE} (Kore, Google's own examples'
 * voice). Any other name is passed through unchanged, so new Gemini voices work on day one.
 */
export const OPENAI_TO_GEMINI_VOICE: Readonly<Record<string, string>> = {
  alloy: 'Zephyr',
  ash: 'Puck',
  ballad: 'Algieba',
  coral: 'Sulafat',
  echo: 'Charon',
  fable: 'Fenrir',
  onyx: 'Orus',
  nova: 'Leda',
  sage: 'Vindemiatrix',
  shimmer: 'Achernar',
  verse: 'Sadachbia',
  marin: 'Despina',
  cedar: 'Iapetus',
}

export const DEFAULT_GEMINI_VOICE = 'Kore'

/** The 30 prebuilt voices Google documents for Gemini TTS (for autocomplete and docs). */
export const GEMINI_VOICES = [
  'Zephyr', 'Puck', 'Charon', 'Kore', 'Fenrir', 'Leda', 'Orus', 'Aoede', 'Callirrhoe', 'Autonoe',
  'Enceladus', 'Iapetus', 'Umbriel', 'Algieba', 'Despina', 'Erinome', 'Algenib', 'Rasalgethi',
  'Laomedeia', 'Achernar', 'Alnilam', 'Schedar', 'Gacrux', 'Pulcherrima', 'Achird', 'Zubenelgenubi',
  'Vindemiatrix', 'Sadachbia', 'Sadaltager', 'Sulafat',
] as const
export type GeminiVoice = (typeof GEMINI_VOICES)[number]
