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
  recording?: { name: string; size: number; base64: string }
  pieceSizes: number[]; commits: Array<{ text: string; at: number }>; partials: string[]
  seenTextDuringListening: string[]; tracks: string[]
  error?: string; reason?: string
}

const phrases = loadPhrases()
const composed = composeDictation(phrases, [0, 1, 2, 3, 4])
let directory = ''

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
