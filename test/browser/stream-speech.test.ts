import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import { ANSWER, FIRST } from '../integration/chat-text.ts'
import { describeInChromium } from './harness.ts'
import type { StreamRun } from './pages/stream-speech-page.ts'
import { useTestPage } from './test-page.ts'

// The whole answer plays in real time; one format (pcm, the one with no decoding) hears all of it,
// the others its first three sentences, which still have two seams each.
const SHORT_ANSWER = ANSWER.split(/(?<=\.) /).slice(0, 3).join(' ')
const answerFor = (format: string) => (format === 'pcm' ? ANSWER : SHORT_ANSWER)
/** Issue 21's figures. */
const FIRST_SOUND_MARGIN_MS = 300
const GAP_MS = 20

function run(page: Page, request: Record<string, unknown>): Promise<StreamRun> {
  return page.evaluate((request) => (window as never as { run: (r: unknown) => Promise<StreamRun> }).run(request), request)
}

describeInChromium('speech of a streamed text in Chromium', () => {
  const test = useTestPage('stream-speech-page.ts')
  const request = (format: string, extra: Record<string, unknown> = {}) => ({
    baseURL: test.emulator.url, apiKey: TEST_KEYS.proxy, format, answer: answerFor(format), firstSentence: FIRST, tokensPerSecond: 30, ...extra,
  })

  it('speaks a chat answer at 30 tokens/s soon after its first sentence, gapless at the output, highlighting each sentence as it sounds', { timeout: 180_000 }, async () => {
    const page = await test.open()
    const rows: string[] = []
    for (const format of process.env.FORMATS?.split(',') ?? ['wav', 'pcm', 'mp3']) {
      const result = await run(page, request(format))
      const firstSound = result.audibleAt - result.firstSentenceAt
      const onTime = (_: unknown, index: number) => !result.late[index]
      const worstOutput = Math.max(...result.outputGaps.filter(onTime).map(Math.abs)) * 1000
      const worstSchedule = Math.max(...result.scheduleGaps.filter(onTime).map(Math.abs)) * 1000
      const underruns = result.scheduleGaps.filter((_, index) => result.late[index]).map((gap) => `${(gap * 1000).toFixed(0)} ms`)
      rows.push(`${format.padEnd(4)} first sound ${firstSound.toFixed(0)} ms after the first sentence (its request's first byte ${result.firstByteMs.toFixed(0)} ms; target ≤ first byte + ${FIRST_SOUND_MARGIN_MS}: ${firstSound <= result.firstByteMs + FIRST_SOUND_MARGIN_MS ? 'PASS' : 'MISS'}) | ${result.segments.length} pieces | seams on the audio clock ≤ ${worstSchedule.toFixed(3)} ms | silence added at the output ≤ ${worstOutput.toFixed(1)} ms (target ≤ ${GAP_MS}: ${worstOutput <= GAP_MS ? 'PASS' : 'MISS'}) | silence inside the pieces at the seams ${result.contentSilences.map((value) => (value * 1000).toFixed(0)).join('/')} ms | pieces that came late: ${underruns.length ? underruns.join(', ') : 'none'} | highlight late ≤ ${Math.max(...result.highlights.map((entry) => entry.lateMs)).toFixed(0)} ms`)
      expect(result.segments.map((segment) => segment.text).join(' ')).toBe(answerFor(format))
      expect(result.segments[0]!.text).toBe(FIRST)
      expect(result.finalStatus).toBe('ended')
      // The behaviour, not the figure: sound before the answer was written (7 sentences at 30 tokens/s: ~5 s).
      expect(firstSound).toBeGreaterThan(0)
      expect(firstSound).toBeLessThan(result.firstByteMs + 2_000)
      // Back to back on the audio clock: no gap and no overlap, unless a piece came after the one
      // before had ended (the emulator's MP3 encoder can be slower than the voice): then it starts at once.
      result.scheduleGaps.forEach((gap, index) => {
        if (result.late[index]) expect(gap).toBeGreaterThan(0)
        else expect(Math.abs(gap)).toBeLessThan(1e-6)
      })
      expect(result.late.filter(Boolean).length).toBeLessThanOrEqual(format === 'mp3' ? 3 : 1)
      // The output adds no silence of its own (the figure is printed; the bound allows a loaded machine).
      if (format !== 'mp3') expect(worstOutput).toBeLessThanOrEqual(GAP_MS * 2)
      // The highlight follows the voice: every piece, in order, shown when it starts sounding.
      expect(result.highlights.map((entry) => entry.index)).toEqual(result.segments.map((segment) => segment.index))
      for (const entry of result.highlights) expect(entry.lateMs).toBeLessThan(400)
    }
    console.log(`\nissue 21, speech of a streamed text in Chromium (pcm: a ${ANSWER.length}-character answer, others its first ${SHORT_ANSWER.length} characters, at 30 tokens/s):\n${rows.join('\n')}\n`)
  })

  it('stop() cancels the text, every request in flight and the sound at once', { timeout: 60_000 }, async () => {
    const page = await test.open()
    const result = await run(page, request('wav', { stopAfterMs: 2500, answer: ANSWER }))
    expect(result.finalStatus).toBe('idle')
    expect(result.segments.length).toBeGreaterThan(0)
    expect(result.segments.length).toBeLessThan(7)
    // The tap holds the last 32768 samples (0.68 s): wait until they are all from after the stop.
    await page.waitForTimeout(900)
    expect(await page.evaluate(() => (window as never as { sounding: () => number }).sounding())).toBeLessThan(0.001)
    const requests = test.emulator.requests
    // The chat stream was cancelled before its end, and no speech request was sent after the stop.
    const chat = requests.find((entry) => entry.path === '/v1/chat/completions')
    expect(chat).toBeDefined()
    const spoken = requests.filter((entry) => entry.path === '/v1/audio/speech')
    expect(spoken.length).toBeLessThanOrEqual(result.segments.length + 2)
    await page.waitForTimeout(1500)
    expect(test.emulator.requests.filter((entry) => entry.path === '/v1/audio/speech').length).toBe(spoken.length)
  })
})
