import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import type { ClipTiming } from './pages/first-clip-page.ts'
import { describeInChromium } from './harness.ts'
import { useTestPage } from './test-page.ts'

/** Issue 20's figure: the first clip on a page heard within this long of its first byte. */
const TARGET_MS = 250

function clip(page: Page, baseURL: string, unlockFirst: boolean): Promise<ClipTiming> {
  return page.evaluate(([url, key, unlock]) => (window as never as { clip: (u: string, k: string, f: boolean) => Promise<ClipTiming> }).clip(url, key, unlock), [baseURL, TEST_KEYS.proxy, unlockFirst] as const)
}

describeInChromium('the first streamed clip on a page', () => {
  const test = useTestPage('first-clip-page.ts')

  it('is heard as soon after its first byte as later clips once unlock() ran before the request; cold, later (figures printed, target ≤ 250 ms)', { timeout: 90_000 }, async () => {
    const rows: string[] = []
    const delaysBy: Record<string, number[]> = {}
    // Cold first: the first AudioContext in this Chromium pays for opening the audio output.
    for (const unlockFirst of [false, true]) {
      // A fresh page each time: its first clip is the one whose output may be cold.
      const page = await test.open()
      const clips: ClipTiming[] = []
      for (let index = 0; index < 3; index++) clips.push(await clip(page, test.emulator.url, unlockFirst))
      const delays = clips.map((timing) => timing.heard - timing.firstByte)
      delaysBy[String(unlockFirst)] = delays
      rows.push(`${unlockFirst ? 'unlock() before the request' : 'play() opens the output   '}: ${delays.map((delay, index) => `clip ${index + 1} ${delay.toFixed(0)} ms`).join(', ')}; first clip ${delays[0]! <= TARGET_MS ? 'PASS' : 'MISS'} (target ≤ ${TARGET_MS} ms; audio clock at ${clips[0]!.clockAtFirstByte.toFixed(3)} s at its first byte)`)
      for (const delay of delays) expect(delay).toBeGreaterThan(0)
      for (const timing of clips) expect(timing.stateAtStart).toBe('running')
    }
    console.info(`\nFirst byte → first sample out, Chromium (from the context's output timestamp):\n${rows.join('\n')}\n`)
    // The behaviour, not the figure: with the output opened in the click (unlock), the first clip
    // waits no longer than later ones, give or take scheduling noise; cold, it still starts.
    const warm = delaysBy.true!
    expect(warm[0]!).toBeLessThanOrEqual(Math.max(...warm.slice(1)) + 50)
    expect(delaysBy.false![0]!).toBeLessThan(1_500)
  })
})
