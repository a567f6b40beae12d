import { afterAll, beforeAll, expect, it, inject } from 'vitest'
import { createClient } from '../../src/index.ts'
import { startEmulator, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { launchChromium, type LaunchedChromium } from './chromium.ts'
import { describeInChromium } from './harness.ts'

// The emulator writes Cloud TTS's OGG_OPUS and M4A by hand (no encoder among the npm packages):
// Chromium must take them for what they claim to be, through voxfetch's result, or they prove nothing.
describeInChromium('Cloud TTS OGG_OPUS and M4A from the emulator, in Chromium', () => {
  let emulator: Emulator
  let chromium: LaunchedChromium
  beforeAll(async () => {
    emulator = await startEmulator()
    chromium = await launchChromium(inject('chromiumEndpoint'))
  })
  afterAll(async () => {
    await chromium?.close()
    await emulator?.close()
  })

  it.each([
    ['opus', 'audio/ogg'],
    ['aac', 'audio/mp4'],
  ] as const)('%s (%s) plays in <audio> and decodes with Web Audio, as long as the speech', async (format, mediaType) => {
    const client = createClient({ baseURL: `${emulator.url}/vertex-tts`, accessToken: TEST_KEYS.vertexToken })
    const speech = await client.speech({ model: 'vertex_ai/chirp', voice: 'en-US-Wavenet-D', input: 'Heard in Chromium, or at least decoded.', response_format: format })
    expect(speech.mediaType).toBe(mediaType)
    const base64 = Buffer.from(await speech.arrayBuffer()).toString('base64')
    const page = await chromium.context.newPage()
    const result = await page.evaluate(async ({ base64, mediaType }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
      const audio = new Audio()
      const element = await new Promise<number | string>((resolve) => {
        audio.onloadedmetadata = () => resolve(audio.duration)
        audio.onerror = () => resolve(`error ${audio.error?.code}`)
        audio.src = URL.createObjectURL(new Blob([bytes], { type: mediaType }))
      })
      const decoded = await new OfflineAudioContext(1, 48000, 48000).decodeAudioData(bytes.buffer.slice(0))
      return { element, decoded: decoded.duration, canPlay: audio.canPlayType(mediaType) }
    }, { base64, mediaType })
    await page.close()
    expect(result.canPlay).not.toBe('')
    expect(typeof result.element).toBe('number')
    expect(result.element as number).toBeGreaterThan(1)
    expect(Math.abs(result.decoded - (result.element as number))).toBeLessThan(0.05)
  })
})
