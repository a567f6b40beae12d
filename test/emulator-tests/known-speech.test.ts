import { describe, expect, it } from 'vitest'
import { recognizeKnownSpeech } from '../emulator/known-speech.ts'
import { resample } from '../emulator/resample.ts'
import { loadPhrases } from '../fixtures/dictation/compose.ts'

const phrases = loadPhrases()
const quiet = (samples: number) => new Int16Array(samples).map((_, index) => ((index * 7919) % 61) - 30)
const join = (...parts: Int16Array[]) => {
  const out = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

describe('the emulator recognizes the committed phrases by their loudness contour', () => {
  it.each(phrases.map((phrase, index) => [index + 1, phrase] as const))('phrase %i, padded with room noise, at 16 and 48 kHz and 6 dB quieter', (_, phrase) => {
    const padded = join(quiet(4321), phrase.samples, quiet(9000))
    expect(recognizeKnownSpeech(padded, 16_000)).toBe(phrase.text)
    expect(recognizeKnownSpeech(resample(padded, 16_000, 48_000), 48_000)).toBe(phrase.text)
    expect(recognizeKnownSpeech(padded.map((sample) => sample / 2), 16_000)).toBe(phrase.text)
  })

  it('two phrases in one upload give both texts in the order spoken; 30 ms dropped mid-phrase still matches', () => {
    const [first, , , fourth] = phrases
    expect(recognizeKnownSpeech(join(fourth!.samples, quiet(8000), first!.samples), 16_000)).toBe(`${fourth!.text} ${first!.text}`)
    const middle = first!.samples.length >> 1
    expect(recognizeKnownSpeech(join(first!.samples.subarray(0, middle), first!.samples.subarray(middle + 480)), 16_000)).toBe(first!.text)
  })

  it('other audio is not recognized: noise, a tone, half a phrase', () => {
    const noise = Int16Array.from({ length: 48_000 }, (_, index) => Math.round(Math.sin(index * 12.9898) * 43758.5453 % 1 * 3000))
    expect(recognizeKnownSpeech(noise, 16_000)).toBeUndefined()
    expect(recognizeKnownSpeech(Int16Array.from({ length: 32_000 }, (_, index) => Math.round(8000 * Math.sin(index / 10))), 16_000)).toBeUndefined()
    expect(recognizeKnownSpeech(phrases[2]!.samples.subarray(0, phrases[2]!.samples.length >> 1), 16_000)).toBeUndefined()
  })
})
