import { expect, it } from 'vitest'
import { describeInChromium } from './harness.ts'
import { useTestPage } from './test-page.ts'

describeInChromium('the player and WAV headers that cannot be true', () => {
  const test = useTestPage('hostile-audio-page.ts')

  it.each([
    ['0 channels', 0, 24_000, 16],
    ['0 Hz', 1, 0, 16],
    ['65535 channels', 65_535, 24_000, 16],
  ])('never hangs the page (%s): the clip leaves the streaming path, the page keeps running', async (_name, channels, rate, bits) => {
    const page = await test.open()
    // Before, 0 channels made the decoding loop endless: this evaluate never returned.
    const result = await page.evaluate(([c, r, b]) => (window as never as { playHeader: (c: number, r: number, b: number) => Promise<{ outcome: string; status: string; engine?: string }> }).playHeader(c, r, b), [channels, rate, bits] as const)
    expect(result.outcome).toBe('downloaded')
    expect(result.engine).toBe('element')
    expect(await page.evaluate(() => 1 + 1)).toBe(2)
  })
})
