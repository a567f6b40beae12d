import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readWav } from './parse-wav.ts'

/**
 * The emulator has no speech recognizer. It knows the committed recordings in
 * test/fixtures/dictation/ (espeak-ng phrases, each with its text) and finds them in uploaded
 * audio by their loudness contour: 10 ms frame energies in dB, compared by correlation. A
 * contour survives what a browser does to a phrase on its way back (the fake microphone's
 * resampling, a client's resampling, a gain change, a cut a little before or after it), where a
 * byte hash would not. Audio with none of them gets the usual placeholder.
 */
// A path, not a file: URL: under jsdom (the React tests) `URL` is not Node's.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'dictation')
const FRAMES_PER_SECOND = 100
/** Score a stretch must reach to count as a phrase: its own recordings score 0.75–0.99 through a fake microphone on a loaded machine, other phrases below 0.5. */
const MATCH = 0.7
/** A phrase may be cut this much short at either edge (its first or last syllable's fade). */
const EDGE = 0.05

interface KnownPhrase {
  text: string
  contour: Float64Array
}

let phrases: KnownPhrase[] | undefined

function loadPhrases(): KnownPhrase[] {
  const table = JSON.parse(readFileSync(join(FIXTURES, 'phrases.json'), 'utf8')) as { phrases: Array<{ file: string; text: string }> }
  return table.phrases.map(({ file, text }) => {
    const wav = readWav(readFileSync(join(FIXTURES, file)))
    if (!wav?.data) throw new Error(`test/fixtures/dictation/${file} is not a PCM WAV`)
    return { text, contour: contourOf(samplesOf(wav.data), wav.sampleRate) }
  })
}

/** Whole little-endian 16-bit samples of `bytes` (a data chunk may be cut mid-sample). */
export function samplesOf(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return Int16Array.from({ length: bytes.length >> 1 }, (_, index) => view.getInt16(index * 2, true))
}

/**
 * Energies of 30 ms windows every 10 ms, in dB (floored at -70 dBFS, where room noise and
 * silence look alike). The overlap keeps a contour nearly the same wherever the audio starts
 * within a frame.
 */
export function contourOf(samples: Int16Array, sampleRate: number): Float64Array {
  const frame = Math.max(1, Math.round(sampleRate / FRAMES_PER_SECOND))
  const energies = new Float64Array(Math.floor(samples.length / frame))
  for (let index = 0; index < energies.length; index++) {
    let sum = 0
    for (let offset = index * frame; offset < (index + 1) * frame; offset++) sum += (samples[offset]! / 32768) ** 2
    energies[index] = sum / frame
  }
  return energies.map((_, index) => {
    const window = energies.subarray(Math.max(0, index - 1), index + 2)
    return Math.max(-70, 10 * Math.log10(window.reduce((sum, energy) => sum + energy, 0) / window.length + 1e-12))
  })
}

function correlation(a: Float64Array, aStart: number, b: Float64Array, bStart: number, length: number): number {
  let sumA = 0, sumB = 0
  for (let index = 0; index < length; index++) {
    sumA += a[aStart + index]!
    sumB += b[bStart + index]!
  }
  const meanA = sumA / length, meanB = sumB / length
  let product = 0, squareA = 0, squareB = 0
  for (let index = 0; index < length; index++) {
    const x = a[aStart + index]! - meanA, y = b[bStart + index]! - meanB
    product += x * y
    squareA += x * x
    squareB += y * y
  }
  return squareA && squareB ? product / Math.sqrt(squareA * squareB) : 0
}

/** Thirds of a phrase are matched each with this much play (frames), so a dropped or repeated block of audio mid-phrase does not spoil the match. */
const DRIFT = 4

/** How well `phrase` matches `heard` from frame `at`: the mean of its thirds' best correlations, each shifted at most DRIFT frames. */
function scoreAt(phrase: Float64Array, heard: Float64Array, at: number): number {
  const third = Math.floor(phrase.length / 3)
  let total = 0
  for (let part = 0; part < 3; part++) {
    const start = part * third
    const length = part === 2 ? phrase.length - start : third
    let best = -1
    for (let drift = -DRIFT; drift <= DRIFT; drift++) {
      const from = at + start + drift
      const skip = Math.max(0, -from)
      const span = Math.min(length - skip, heard.length - from - skip)
      if (span < length * 0.8) continue
      best = Math.max(best, correlation(phrase, start + skip, heard, from + skip, span))
    }
    total += best
  }
  return total / 3
}

/**
 * The known phrases heard in mono 16-bit PCM, in the order spoken, joined by spaces; undefined
 * when none is. Each phrase is slid along the audio; the best non-overlapping matches win.
 */
export function recognizeKnownSpeech(samples: Int16Array, sampleRate: number): string | undefined {
  phrases ??= loadPhrases()
  const heard = contourOf(samples, sampleRate)
  const matches: Array<{ at: number; length: number; score: number; text: string }> = []
  for (const phrase of phrases) {
    const length = phrase.contour.length
    const edge = Math.floor(length * EDGE)
    for (let at = -edge; at + length - edge <= heard.length; at++) {
      const score = scoreAt(phrase.contour, heard, at)
      if (score >= MATCH) matches.push({ at, length, score, text: phrase.text })
    }
  }
  matches.sort((a, b) => b.score - a.score)
  const chosen: typeof matches = []
  for (const match of matches) {
    if (chosen.every((other) => match.at + match.length <= other.at || other.at + other.length <= match.at)) chosen.push(match)
  }
  if (!chosen.length) return undefined
  return chosen.sort((a, b) => a.at - b.at).map((match) => match.text).join(' ')
}
