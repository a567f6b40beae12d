import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, expect, it } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import { readWav } from '../emulator/parse-wav.ts'
import { composeDictation, loadPhrases } from '../fixtures/dictation/compose.ts'
import { describeInChromium } from './harness.ts'
import { useTestPage } from './test-page.ts'

interface Piece {
  index: number; startMs: number; endMs: number; startSample: number; endSample: number
  status: string; text: string; reason: string; closedAt: number; doneAt?: number; error?: string
}
interface Dictated {
  status: string; text: string; partialText: string; durationMs: number; pieces: Piece[]
  recording?: { name: string; type: string; size: number; base64: string; decodedMs: number }
  pieceSizes: number[]; commits: Array<{ text: string; at: number }>; partials: string[]
  seenTextDuringListening: string[]; tracks: string[]; recorders: string[]
  error?: string; reason?: string
}

const phrases = loadPhrases()
const composed = composeDictation(phrases, [0, 1, 2, 3, 4])
let directory = ''
/**
 * How far the webm's decoded length may be from the PCM's: two 20 ms Opus frames (each end is
 * rounded to a frame) and one 2048-frame worklet block at 48 kHz (43 ms) that a loaded machine's
 * audio thread may drop from the PCM, as the fake microphone does. Both start from the same
 * granted stream (MediaRecorder before the worklet loads) and stop at the same stop(); quiet runs
 * matched within a millisecond, a loaded one was 52 ms off. Started after the worklet instead,
 * MediaRecorder lost 60–80 ms of the start.
 */
const TOLERANCE_MS = 85

function dictate(page: Page, run: Record<string, unknown>): Promise<Dictated> {
  return page.evaluate((run) => (window as never as { dictate: (r: unknown) => Promise<Dictated> }).dictate(run), run)
}

describeInChromium("live dictation from Chromium's fake microphone (espeak-ng phrases with pauses)", () => {
  const test = useTestPage('dictation-page.ts', {
    async chromiumArgs() {
      directory = await mkdtemp(join(tmpdir(), 'voxfetch-dictation-'))
      const file = join(directory, 'speech.wav')
      await writeFile(file, composed.wav)
      return [`--use-file-for-fake-audio-capture=${file}`]
    },
  })
  afterAll(() => rm(directory, { recursive: true, force: true }))
  // The browser's voice processing (noise suppression, gain control) is off, so the phrases reach the
  // emulator as spoken; the dictation itself leaves getUserMedia's defaults.
  const options = () => ({ model: 'whisper', audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false }, params: { baseURL: test.emulator.url, apiKey: TEST_KEYS.proxy, maxRetries: 0 } })

  it('cuts at the pauses, transcribes each piece while recording goes on, and stitches the transcript word for word', async () => {
    const page = await test.open()
    const result = await dictate(page, { options: options(), stopAtMs: composed.duration * 1000 - 300 })
    if (process.env.DICTATION_DUMP) await writeFile(process.env.DICTATION_DUMP, JSON.stringify(result))
    expect(result.status).toBe('done')
    // One piece per phrase; quiet before and after may make pieces of their own, not sent.
    expect(result.pieces.map((piece) => piece.error ?? piece.status).filter((status) => status !== 'silent')).toEqual(phrases.map(() => 'done'))
    expect(result.text).toBe(phrases.map((phrase) => phrase.text).join(' '))
    // Text grew while listening: earlier pieces were committed before the recording stopped.
    expect(result.seenTextDuringListening.length).toBeGreaterThanOrEqual(3)

    // The pieces tile the recording: no gap, no overlap, durations add up to the recording's.
    const wav = readWav(Buffer.from(result.recording!.base64, 'base64'))!
    const recorded = wav.data!.length / 2
    result.pieces.forEach((piece, index) => expect(piece.startSample).toBe(index === 0 ? 0 : result.pieces[index - 1]!.endSample))
    expect(result.pieces.at(-1)!.endSample).toBe(recorded)
    const pieceSamples = result.pieceSizes.reduce((sum, size) => sum + (size - 44) / 2, 0)
    expect(pieceSamples).toBe(recorded)

    // Every boundary falls in a pause: the recorded signal is quiet around it.
    const samples = new Int16Array(wav.data!.slice().buffer)
    for (const piece of result.pieces.slice(0, -1)) {
      const around = samples.subarray(Math.max(0, piece.endSample - 1600), piece.endSample + 1600)
      const peak = Math.max(...Array.from(around, Math.abs)) / 32768
      expect(peak, `boundary at ${piece.endMs.toFixed(0)} ms`).toBeLessThan(0.02)
    }
    const spoken = result.pieces.filter((piece) => piece.status === 'done')
    expect(spoken.map((piece) => piece.text)).toEqual(phrases.map((phrase) => phrase.text))
    const latencies = spoken.map((piece) => piece.doneAt! - piece.closedAt)
    const worst = Math.max(...latencies)
    // The 500 ms is a figure to report (a loaded machine stretches it), not a timed assertion;
    // the behaviour asserted is that each piece's text comes while recording goes on, not at the end.
    console.info(`dictation: text of each piece ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms after it closed (target ≤ 500 ms: ${worst <= 500 ? 'PASS' : 'MISS'})`)
    expect(worst).toBeLessThan(3_000)
    expect(result.tracks).toEqual(['ended'])
    // One upload per spoken piece, each a WAV of its own, with the text before it as the prompt.
    const uploads = test.emulator.requests.filter((request) => request.method === 'POST' && request.file)
    expect(uploads.map((upload) => upload.file!.filename).sort()).toEqual(spoken.map((piece) => `dictation-${piece.index + 1}.wav`).sort())
    const byName = new Map(uploads.map((upload) => [upload.file!.filename, upload.fields?.prompt]))
    expect(byName.get(`dictation-${spoken[0]!.index + 1}.wav`)).toBeUndefined()
    expect(byName.get(`dictation-${spoken.at(-1)!.index + 1}.wav`)).toBe(phrases.slice(0, -1).map((phrase) => phrase.text).join(' '))
  })

  it('with a compressed mimeType, the whole recording is also a webm/opus file from MediaRecorder that decodes to the recording\'s length, flushed before start() resolves', async () => {
    const page = await test.open()
    const result = await dictate(page, { options: { ...options(), mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 32_000 }, stopAtMs: composed.duration * 1000 - 300 })
    expect(result.status).toBe('done')
    // The pieces are still WAV cut from the PCM, transcribed as before.
    expect(result.text).toBe(phrases.map((phrase) => phrase.text).join(' '))
    const recording = result.recording!
    expect(recording.name).toBe('dictation.webm')
    expect(recording.type).toMatch(/^audio\/webm/)
    const bytes = Buffer.from(recording.base64, 'base64')
    expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3') // the EBML magic: a WebM file from its first byte
    const pcmMs = (result.pieces.at(-1)!.endSample / 16_000) * 1000
    const wavSize = 44 + 2 * result.pieces.at(-1)!.endSample
    console.info(`dictation: whole recording ${(pcmMs / 1000).toFixed(2)} s as webm/opus ${(recording.size / 1000).toFixed(1)} KB (decodes to ${(recording.decodedMs / 1000).toFixed(3)} s, ${(recording.decodedMs - pcmMs).toFixed(1)} ms off) vs WAV ${(wavSize / 1000).toFixed(1)} KB`)
    // Both recordings start when the microphone's stream reaches them and end at the same stop():
    // they differ by how far MediaRecorder's start and end lag the PCM's, within two 20 ms Opus
    // frames, plus the 43 ms worklet block the PCM may still hold when it starts.
    expect(Math.abs(recording.decodedMs - pcmMs)).toBeLessThan(TOLERANCE_MS)
    // 32 kbit/s asked for, against the WAV's 256 kbit/s (the browser's own choice is 128 kbit/s).
    expect(recording.size).toBeLessThan(wavSize / 4)
    expect(result.recorders).toEqual(['inactive'])
    expect(result.tracks).toEqual(['ended'])
  })

  it('a mimeType MediaRecorder cannot record is a RecorderError before the microphone is asked for', async () => {
    const page = await test.open()
    const result = await dictate(page, { options: { ...options(), mimeType: 'audio/x-no-such-codec' } })
    expect(result).toMatchObject({ error: 'RecorderError', reason: 'not-supported', status: 'error', tracks: [], recorders: [] })
  })

  it('cancel with a compressed mimeType stops the MediaRecorder with the microphone', async () => {
    const page = await test.open()
    const result = await dictate(page, { options: { ...options(), mimeType: 'audio/webm;codecs=opus' }, cancelAtMs: 1500 })
    expect(result).toMatchObject({ error: 'AbortError', status: 'idle', tracks: ['ended'], recorders: ['inactive'] })
  })

  it('releases the microphone on cancel, and start() rejects with an AbortError', async () => {
    const page = await test.open()
    const result = await dictate(page, { options: options(), cancelAtMs: 1500 })
    expect(result).toMatchObject({ error: 'AbortError', status: 'idle', tracks: ['ended'] })
  })

  it('a missing microphone is a RecorderError with nothing left live', async () => {
    const page = await test.open()
    const result = await dictate(page, { options: { ...options(), audio: { deviceId: { exact: 'no-such-microphone' } } } })
    expect(result).toMatchObject({ error: 'RecorderError', reason: 'not-found', status: 'error', tracks: [] })
  })
})
