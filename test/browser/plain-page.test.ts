import { mkdir } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { useFixtureFiles } from './audio-files.ts'
import { describeInChromium, loadedAudio, objectURLCounts, setTestHeaders, usePlayground, watchUpload } from './harness.ts'

const MB = 1024 * 1024
const ARTIFACTS = new URL('../artifacts/', import.meta.url)
const SENTENCE = 'Plain modules, no framework.'

describeInChromium('plain JavaScript page in Chromium', () => {
  const playground = usePlayground()
  const files = useFixtureFiles()

  it('plays the speech from a blob URL and revokes the previous one', async () => {
    const page = await playground.open('/plain.html')
    await page.getByTestId('speak').click()
    const first = await loadedAudio(page)
    expect(first.src).toMatch(/^blob:/)
    expect(first.duration).toBeGreaterThan(0)
    await page.getByTestId('speak').click()
    await loadedAudio(page, first.src)
    expect(await objectURLCounts(page)).toEqual({ created: 2, revoked: 1, live: 1 })
  })

  it('shows upload progress, then the transcript (screenshot in test/artifacts)', async () => {
    const file = await files.speechWav('plain-speech.wav', SENTENCE, 16 * MB)
    const page = await playground.open('/plain.html')
    await setTestHeaders(page, { 'x-emulator-upload-rate': String(3 * MB) })
    const events = await watchUpload(page)
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('transcript').getByText(SENTENCE).waitFor({ timeout: 20_000 })
    const seen = await events()
    const percents = seen.filter((event): event is number => typeof event === 'number')
    expect(percents.filter((percent) => percent > 0 && percent < 100).length, `progress seen: ${seen.join(' ')}`).toBeGreaterThanOrEqual(3)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(seen.indexOf('transcript')).toBeGreaterThan(seen.indexOf(100))
    expect(seen.indexOf(100)).toBeGreaterThan(0)
    expect(playground.emulator.requests[0]).toMatchObject({ completed: true, status: 200, file: { size: 16 * MB } })
    await mkdir(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: new URL('plain-desktop.png', ARTIFACTS).pathname, fullPage: true })
  })
})
