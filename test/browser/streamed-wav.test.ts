import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'
import { streamingWavHeader } from '../../src/audio/wav.ts'
import { chromiumMissing, launchChromium, type LaunchedChromium } from './chromium.ts'

// A WAV streamed from Gemini goes out before its length is known: its header says 0xFFFFFFFF
// for the RIFF and data sizes. This checks that real Chromium reads such a file to its end.
const missing = chromiumMissing()
let browser: LaunchedChromium | undefined

beforeAll(async () => {
  if (!missing) browser = await launchChromium(inject('chromiumEndpoint'))
})
afterAll(() => browser?.close())

describe.skipIf(missing)('a WAV of unknown length in Chromium', () => {
  it('decodes with Web Audio and plays in <audio> to its real duration', async () => {
    const page = await browser!.context.newPage()
    const header = [...streamingWavHeader({ sampleRate: 24_000, channels: 1, bitsPerSample: 16 })]
    const result = await page.evaluate(async (headerBytes) => {
      const samples = new Int16Array(24_000) // one second of a 440 Hz tone
      for (let index = 0; index < samples.length; index++) samples[index] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * index) / 24_000))
      const wav = new Blob([new Uint8Array(headerBytes), samples], { type: 'audio/wav' })
      const context = new AudioContext()
      const decoded = await context.decodeAudioData(await wav.arrayBuffer())
      await context.close()
      const audio = new Audio(URL.createObjectURL(wav))
      const metadata = await new Promise<number>((resolve, reject) => {
        audio.onloadedmetadata = () => resolve(audio.duration)
        audio.onerror = () => reject(new Error(`media error ${audio.error?.code}`))
      })
      audio.muted = true
      await audio.play()
      await new Promise<void>((resolve) => (audio.onended = () => resolve()))
      return { decodedSeconds: decoded.duration, sampleRate: decoded.sampleRate, metadata, playedTo: audio.currentTime }
    }, header)
    expect(result.decodedSeconds).toBeCloseTo(1, 2)
    expect(result.playedTo).toBeCloseTo(1, 1)
    console.info(`Chromium, WAV with 0xFFFFFFFF sizes: decodeAudioData ${result.decodedSeconds} s at ${result.sampleRate} Hz; <audio> duration at loadedmetadata ${result.metadata}, played to ${result.playedTo} s`)
  })
})
