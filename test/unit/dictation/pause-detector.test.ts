import { describe, expect, it } from 'vitest'
import { createPauseDetector, type Cut } from '../../../src/dictation/pause-detector.ts'
import { composeDictation, DICTATION_RATE, loadPhrases } from '../../fixtures/dictation/compose.ts'

const RATE = DICTATION_RATE
const ms = (value: number) => Math.round((RATE * value) / 1000)

/** A 200 Hz tone at `amplitude` for `durationMs` (a stand-in for a vowel), or quiet noise when 0. */
function sound(durationMs: number, amplitude: number): Float32Array {
  return Float32Array.from({ length: ms(durationMs) }, (_, index) => (amplitude ? amplitude * Math.sin((2 * Math.PI * 200 * index) / RATE) : ((index * 7919) % 61) / 61e3 - 0.0005))
}

function run(parts: Float32Array[], options = {}, block = 1000): Cut[] {
  const detector = createPauseDetector(RATE, options)
  const cuts: Cut[] = []
  for (const part of parts) for (let offset = 0; offset < part.length; offset += block) cuts.push(...detector.push(part.subarray(offset, offset + block)))
  return [...cuts, ...detector.finish()]
}

describe('createPauseDetector', () => {
  it('cuts the espeak-ng phrases in the pauses between them, one piece per phrase, tiling the recording', () => {
    const phrases = loadPhrases()
    const composed = composeDictation(phrases, [0, 1, 2, 3, 4])
    const samples = new Int16Array(composed.wav.buffer.slice(44))
    const cuts = run([Float32Array.from(samples, (sample) => sample / 32768)])
    expect(cuts.filter((cut) => cut.speech)).toHaveLength(5)
    cuts.forEach((cut, index) => expect(cut.start).toBe(index ? cuts[index - 1]!.end : 0))
    expect(cuts.at(-1)!.end).toBe(samples.length)
    for (const cut of cuts.slice(0, -1)) {
      const seconds = cut.end / RATE
      const inPause = composed.spans.every((span) => seconds < span.start - 0.1 || seconds > span.end + 0.1)
      expect(inPause, `boundary at ${seconds.toFixed(2)} s`).toBe(true)
    }
  })

  it('keeps paddingMs of quiet before and after each piece\'s voice; the rest of a pause is a silent piece', () => {
    const cuts = run([sound(1000, 0), sound(800, 0.3), sound(900, 0), sound(800, 0.3), sound(900, 0)])
    expect(cuts.map((cut) => cut.speech)).toEqual([false, true, false, true, false])
    // Voice from 1000 to 1800 ms and from 2700 to 3500 ms, within a 20 ms frame.
    const edges = cuts.filter((cut) => cut.speech).map((cut) => [cut.start, cut.end].map((sample) => (sample * 1000) / RATE))
    for (const [[start, end], [voiceStart, voiceEnd]] of edges.map((edge, index) => [edge, [[1000, 1800], [2700, 3500]][index]!] as const)) {
      expect(Math.abs(start! - (voiceStart! - 300))).toBeLessThanOrEqual(20)
      expect(Math.abs(end! - (voiceEnd! + 300))).toBeLessThanOrEqual(20)
    }
    const tight = run([sound(1000, 0), sound(800, 0.3), sound(900, 0), sound(800, 0.3), sound(900, 0)], { paddingMs: 100 })
    expect(tight.filter((cut) => cut.speech).map((cut) => Math.round(((cut.end - cut.start) * 1000) / RATE / 20) * 20)).toEqual([1000, 1000])
  })

  it('closeSpeech() closes a piece whose voice ended paddingMs ago at once, leaving the quiet after it to finish()', () => {
    const detector = createPauseDetector(RATE)
    expect(detector.push(sound(800, 0.3))).toEqual([])
    expect(detector.push(sound(200, 0))).toEqual([])
    expect(detector.closeSpeech()).toEqual([]) // 200 ms of quiet: the voice may go on
    expect(detector.push(sound(200, 0))).toEqual([])
    const [spoken] = detector.closeSpeech()
    expect(spoken).toMatchObject({ start: 0, speech: true, reason: 'end' })
    expect(Math.abs((spoken!.end * 1000) / RATE - 1100)).toBeLessThanOrEqual(20)
    detector.push(sound(50, 0))
    expect(detector.finish()).toEqual([{ start: spoken!.end, end: ms(1250), speech: false, reason: 'end' }])
  })

  it('does not cut at a breath shorter than pauseMs', () => {
    const cuts = run([sound(300, 0), sound(800, 0.3), sound(250, 0), sound(800, 0.3), sound(900, 0)])
    expect(cuts.filter((cut) => cut.speech)).toHaveLength(1)
  })

  it('does not cut a piece shorter than minPieceMs at a pause', () => {
    const cuts = run([sound(400, 0.3), sound(700, 0), sound(900, 0.3), sound(700, 0)], { minPieceMs: 1500 })
    expect(cuts.filter((cut) => cut.speech)).toHaveLength(1)
    const short = run([sound(400, 0.3), sound(700, 0), sound(900, 0.3), sound(700, 0)], { minPieceMs: 500 })
    expect(short.filter((cut) => cut.speech)).toHaveLength(2)
  })

  it('cuts a long run of speech before maxPieceMs, at its quietest point', () => {
    // Speech with short dips every 700 ms, one of them deeper: the cut lands in the deepest dip.
    const parts: Float32Array[] = []
    for (let index = 0; index < 14; index++) parts.push(sound(600, 0.3), sound(100, index === 10 ? 0.001 : 0.05))
    const cuts = run(parts, { maxPieceMs: 8000 })
    const first = cuts[0]!
    expect(first.reason).toBe('max-length')
    expect(first.end / RATE).toBeGreaterThanOrEqual(10 * 0.7 + 0.6 - 0.02)
    expect(first.end / RATE).toBeLessThanOrEqual(10 * 0.7 + 0.7)
  })

  it('follows a room that gets louder: noise 30 dB up is not voice once the floor has caught up', () => {
    const loud = Float32Array.from({ length: ms(6000) }, (_, index) => 0.02 * Math.sin(index * 1.7) * Math.sin(index * 0.013))
    const cuts = run([sound(1000, 0), loud])
    // The first seconds of the louder room may read as voice; after the floor window they do not.
    const speechAfter = cuts.filter((cut) => cut.speech && cut.start > ms(5000))
    expect(speechAfter).toEqual([])
  })

  it('silence alone is one piece without speech', () => {
    const cuts = run([sound(3000, 0)])
    expect(cuts).toEqual([{ start: 0, end: ms(3000), speech: false, reason: 'end' }])
  })
})
