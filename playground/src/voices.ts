export const OPENAI_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse'] as const

/** A few of Gemini's prebuilt voices (Gemini refuses OpenAI's names through a proxy). */
export const GEMINI_VOICES = ['Kore', 'Puck', 'Zephyr', 'Charon', 'Fenrir', 'Leda', 'Orus', 'Aoede', 'Sulafat', 'Achernar'] as const

export function voicesFor(model: string): readonly string[] {
  return /gemini/i.test(model) ? GEMINI_VOICES : OPENAI_VOICES
}
