import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import { describeInChromium } from './harness.ts'
import { useTestPage } from './test-page.ts'

interface Recorded {
  name: string
  type: string
  size: number
  reason: string
  durationMs: number
  levels: number[]
  statuses: string[]
  tracks: string[]
  error?: string
}

function record(page: Page, options: Record<string, unknown>): Promise<Recorded> {
  return page.evaluate((options) => (window as never as { record: (o: unknown) => Promise<Recorded> }).record(options), options)
}

describeInChromium("recording from Chromium's fake microphone", () => {
  const test = useTestPage('recorder-page.ts')

  it('records webm/opus as recording.webm with a moving level, releases the microphone on stop, and the file goes straight to transcription', async () => {
    const page = await test.open()
    const recorded = await record(page, { stopAfterMs: 1500 })
    expect(recorded).toMatchObject({ name: 'recording.webm', reason: 'user', statuses: ['starting', 'recording', 'stopped'] })
    expect(recorded.type).toMatch(/^audio\/webm/)
    expect(recorded.size).toBeGreaterThan(1000)
    expect(recorded.durationMs).toBeGreaterThan(1400)
    // The fake device beeps: the meter sees sound and quiet.
    expect(Math.max(...recorded.levels)).toBeGreaterThan(0.3)
    expect(recorded.tracks).toEqual(['ended'])
    const text = await page.evaluate(([url, key]) => (window as never as { transcribeLast: (u: string, k: string) => Promise<string> }).transcribeLast(url, key), [test.emulator.url, TEST_KEYS.proxy] as const)
    expect(text.length).toBeGreaterThan(0)
    expect(test.emulator.requests.at(-1)).toMatchObject({ status: 200, file: { filename: 'recording.webm', size: recorded.size } })
  })

  it('stops at the maximum duration', async () => {
    const page = await test.open()
    const recorded = await record(page, { maxDurationMs: 700 })
    expect(recorded.reason).toBe('max-duration')
    expect(recorded.durationMs).toBeGreaterThanOrEqual(700)
    expect(recorded.durationMs).toBeLessThan(1500)
    expect(recorded.tracks).toEqual(['ended'])
  })

  it('stops before the file would pass maxFileSizeMB', async () => {
    const page = await test.open()
    const limitMB = 0.02
    const recorded = await record(page, { maxFileSizeMB: limitMB, audioBitsPerSecond: 128_000, maxDurationMs: 20_000 })
    expect(recorded.reason).toBe('max-size')
    expect(recorded.size).toBeLessThanOrEqual(limitMB * 1024 * 1024)
    expect(recorded.size).toBeGreaterThan(limitMB * 1024 * 1024 * 0.4)
  })

  it('stops on silence once sound was heard', async () => {
    const page = await test.open()
    const recorded = await record(page, { stopOnSilence: { durationMs: 300 }, maxDurationMs: 10_000 })
    expect(recorded.reason).toBe('silence')
    expect(recorded.tracks).toEqual(['ended'])
  })

  it('a missing microphone is a RecorderError with reason not-found; cancel releases the microphone', async () => {
    const page = await test.open()
    const missing = await record(page, { audio: { deviceId: { exact: 'no-such-microphone' } } })
    expect(missing).toMatchObject({ error: 'RecorderError', reason: 'not-found', state: 'error' })
    const cancelled = await page.evaluate(() => (window as never as { cancelSoon: (ms: number) => Promise<{ outcome: string; state: string; tracks: string[] }> }).cancelSoon(400))
    expect(cancelled).toEqual({ outcome: 'AbortError', state: 'idle', tracks: ['ended'] })
  })

  it('a stop while the microphone is still opening is honoured: the tracks stop as they arrive and start() rejects with AbortError', async () => {
    const page = await test.open()
    const tapped = await page.evaluate(() => (window as never as { stopWhileStarting: () => Promise<unknown> }).stopWhileStarting())
    expect(tapped).toEqual({ stateAtStop: 'starting', outcome: 'AbortError', state: 'idle', tracks: ['ended'] })
  })
})
