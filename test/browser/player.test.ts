import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import type { SpeakOutcome, SpeakRequest } from './pages/player-page.ts'
import { describeInChromium } from './harness.ts'
import { useTestPage } from './test-page.ts'

// ~300 characters at 0.85 speed: a 21-second clip from the emulator's eSpeak.
const TEXT = 'Streaming playback starts at the first bytes. '.repeat(7)
/** Bytes per second of speech: 24 kHz 16-bit mono, and the emulator's 48 kbit/s MP3. */
const SPEAKING_PACE = { wav: 48_000, pcm: 48_000, mp3: 6_000 } as const

/** Issue 11's figure: first audio byte → audible, streamed. */
const TARGET_MS = 300

type Start = { when: number; duration: number; contextTime: number; now: number; rate: number }

function speak(page: Page, name: string, request: SpeakRequest): Promise<SpeakOutcome> {
  return page.evaluate(([name, request]) => (window as never as { speak: (n: string, r: SpeakRequest) => Promise<SpeakOutcome> }).speak(name, request), [name, request] as const)
}

function snapshot(page: Page, name: string) {
  return page.evaluate((name) => (window as never as { snapshot: (n: string) => Record<string, unknown> | undefined }).snapshot(name), name)
}

describeInChromium('streamed playback in Chromium', () => {
  const test = useTestPage('player-page.ts')
  const request = (format: keyof typeof SPEAKING_PACE, mode: 'stream' | 'whole', extra: Partial<SpeakRequest> = {}): SpeakRequest => ({
    baseURL: test.emulator.url, apiKey: TEST_KEYS.proxy, format, text: TEXT, mode, rate: SPEAKING_PACE[format], ...extra,
  })

  it('starts a 20-second clip sent at speaking pace within moments of its first byte (target 300 ms, printed), gapless; the whole-clip path waits for the last byte', { timeout: 240_000 }, async () => {
    const rows: Record<string, string[]> = {}
    // The formats play at once, each on a page of its own: each clip takes its own 21 s of real time.
    await Promise.all(((process.env.FORMATS?.split(',') ?? ['wav', 'pcm', 'mp3']) as ('wav' | 'pcm' | 'mp3')[]).map(async (format) => {
      const page = await test.open()
      const row = (rows[format] = [] as string[])
      const [streamed, whole] = await Promise.all([
        speak(page, `stream-${format}`, request(format, 'stream')),
        speak(page, `whole-${format}`, request(format, 'whole', { untilPlaying: true })),
      ])
      const streamedDelay = streamed.audible - streamed.firstByte
      const wholeDelay = whole.audible - whole.firstByte
      row.push(`${format.padEnd(4)} ${streamed.engine.padEnd(13)} streamed ${streamedDelay.toFixed(0).padStart(4)} ms (target ≤ ${TARGET_MS} ms: ${streamedDelay <= TARGET_MS ? 'PASS' : 'MISS'}) | whole clip ${wholeDelay.toFixed(0).padStart(6)} ms (last byte at ${(whole.lastByte - whole.firstByte).toFixed(0)} ms) | ${streamed.bytes} B`)
      expect(streamed.engine).toBe(format === 'mp3' ? 'media-source' : 'web-audio')
      expect(whole.engine).toBe('element')
      expect(streamed.bytes).toBeGreaterThan(SPEAKING_PACE[format] * 19)
      // The sound started long before the clip was in, which took about its own length.
      expect(streamed.lastByte - streamed.firstByte).toBeGreaterThan(18_000)
      expect(streamedDelay).toBeGreaterThanOrEqual(0)
      // The behaviour, not the figure: sound within the clip's first seconds, not after its 20.
      // The ≤ 300 ms figure is printed with its verdict (a loaded CI machine must not flip it).
      expect(streamedDelay).toBeLessThanOrEqual(2_000)
      expect(whole.audible).toBeGreaterThanOrEqual(whole.lastByte)
      expect(wholeDelay).toBeGreaterThan(18_000)
      const state = await snapshot(page, `stream-${format}`)
      // By the time the whole-clip path starts, the streamed one is at its end.
      // Raw PCM comes out as a WAV (44-byte header) so it replays and downloads anywhere.
      expect(state).toMatchObject({ blob: streamed.bytes + (format === 'pcm' ? 44 : 0) })
      expect(['playing', 'ended']).toContain(state!.status)
      expect(state!.duration).toBeCloseTo(21, 0)
      expect(state!.currentTime).toBeGreaterThan(15)
      if (format !== 'mp3') {
        const starts = await page.evaluate(() => (window as never as { starts: Start[] }).starts.slice())
        expect(starts.length).toBeGreaterThan(100)
        const frame = 1 / starts[0]!.rate
        // Every buffer was scheduled ahead of the audio clock, never late.
        expect(Math.min(...starts.map((start) => start.when - start.contextTime))).toBeGreaterThan(0)
        const seams = starts.slice(1).map((start, index) => {
          const previousEnd = starts[index]!.when + starts[index]!.duration
          return { gap: start.when - previousEnd, starved: previousEnd < start.contextTime }
        })
        // Each buffer starts where the last ends, to the frame, unless the bytes came after the
        // last one had finished playing (the network fell behind the voice: an underrun).
        const seamless = seams.filter((seam) => !seam.starved)
        const worst = Math.max(...seamless.map((seam) => Math.abs(seam.gap)))
        const underruns = seams.filter((seam) => seam.starved)
        row.push(`     ${starts.length} buffers; largest gap or overlap between them ${(worst * 1e6).toFixed(2)} µs (one frame = ${(frame * 1e6).toFixed(2)} µs); underruns (bytes late): ${underruns.length}${underruns.length ? ` (${underruns.map((seam) => `${(seam.gap * 1000).toFixed(0)} ms`).join(', ')})` : ''}`)
        expect(worst).toBeLessThanOrEqual(frame)
        expect(seamless.length).toBeGreaterThan(starts.length * 0.95)
      }
      await page.evaluate((names) => names.forEach((name) => (window as never as { control: (n: string, a: string) => void }).control(name, 'close')), [`stream-${format}`, `whole-${format}`])
    }))
    console.info(`\nTime from the first audio byte to audible playback, 21 s clips at speaking pace (Chromium):\n${Object.values(rows).flat().join('\n')}\n`)
  })

  it('an abort stops the sound at once and cancels the download; a newer play supersedes; every blob URL is revoked', async () => {
    const page = await test.open()
    const outcome = page.evaluate((request) => (window as never as { speakAbortable: (n: string, r: SpeakRequest) => Promise<unknown> }).speakAbortable('one', request).then(() => 'done', (error: Error) => error.name), request('wav', 'stream'))
    await page.waitForFunction(() => (window as never as { snapshot: (n: string) => { status: string } | undefined }).snapshot('one')?.status === 'playing')
    await page.evaluate(() => (window as never as { abort: (n: string) => void }).abort('one'))
    expect(await snapshot(page, 'one')).toEqual({ status: 'idle' })
    expect(await outcome).toBe('AbortError')
    expect(await page.evaluate(() => (window as never as { cancelled: Record<string, boolean> }).cancelled.one)).toBe(true)

    // A newer play on the same player stops the first one; the first play rejects.
    const first = page.evaluate((request) => (window as never as { speak: (n: string, r: SpeakRequest) => Promise<unknown> }).speak('two', request).then(() => 'done', (error: Error) => error.name), request('mp3', 'stream', { untilPlaying: false }))
    await page.waitForFunction(() => (window as never as { snapshot: (n: string) => { status: string } | undefined }).snapshot('two')?.status === 'playing')
    const second = await speak(page, 'two', request('wav', 'stream', { rate: undefined, text: 'Hello again.' }))
    expect(await first).toBe('AbortError')
    expect(second.engine).toBe('web-audio')
    const ended = await page.waitForFunction(() => (window as never as { snapshot: (n: string) => { status: string; url?: string } | undefined }).snapshot('two')?.status === 'ended' && (window as never as { snapshot: (n: string) => { url?: string } }).snapshot('two').url, undefined, { timeout: 10_000 })
    expect(await ended.jsonValue()).toMatch(/^blob:/)
    const history = await page.evaluate(() => (window as never as { stateHistory: Record<string, { status: string }[]> }).stateHistory.two!.map((state) => state.status))
    expect(history.filter((status, index) => status !== history[index - 1])).toEqual(['loading', 'playing', 'idle', 'loading', 'playing', 'ended'].filter((_, index) => index !== 2 || history.includes('idle')))
    await page.evaluate(() => (window as never as { control: (n: string, a: string) => void }).control('two', 'close'))
    const counts = await page.evaluate(() => (window as never as { urls: () => { created: number; revoked: number; live: number } }).urls())
    expect(counts.live).toBe(0)
    expect(counts.created).toBeGreaterThanOrEqual(2)
  })
})
