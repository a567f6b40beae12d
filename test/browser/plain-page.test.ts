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

  it('plays the speech as it arrives from the click, then keeps it on a blob URL for replay, one clip URL at a time', async () => {
    const page = await playground.open('/plain.html')
    const statuses: string[] = []
    await page.exposeFunction('__status', (status: string) => statuses.push(status))
    await page.evaluate(() => new MutationObserver(() => (window as never as { __status: (s: string) => void }).__status(document.querySelector('#playback-status')!.textContent!))
      .observe(document.querySelector('#playback-status')!, { childList: true, characterData: true, subtree: true }))
    await page.getByTestId('speech-format').selectOption('wav')
    await page.getByTestId('speak').click()
    const first = await loadedAudio(page)
    expect(first.src).toMatch(/^blob:/)
    expect(first.duration).toBeGreaterThan(0)
    await expect.poll(() => statuses.at(-1), { timeout: 20_000 }).toBe('ended')
    expect(statuses).toEqual(expect.arrayContaining(['loading', 'playing', 'ended']))
    // Sound started before the last byte: streamed through Web Audio, not the whole-clip element.
    expect(statuses.indexOf('playing')).toBeLessThan(statuses.indexOf('ended'))
    await page.getByTestId('speak').click()
    await loadedAudio(page, first.src)
    const counts = await objectURLCounts(page)
    expect(counts.live).toBe(1)
    expect(counts.revoked).toBe(counts.created - 1)
  })

  it('sends speed and instructions where the model takes them, and neither where it does not', async () => {
    const page = await playground.open('/plain.html')
    await page.locator('#speech-model').selectOption('gpt-4o-mini-tts')
    await page.getByTestId('speech-speed').fill('1.5')
    expect(await page.getByTestId('speed-value').textContent()).toBe('1.50×')
    await page.getByTestId('speech-instructions').fill('Speak warmly')
    await page.getByTestId('speak').click()
    await loadedAudio(page)
    await page.locator('#speech-model').selectOption('gemini-tts')
    expect(await page.getByTestId('speech-speed').isDisabled()).toBe(true)
    expect(await page.getByTestId('speech-instructions').isDisabled()).toBe(true)
    expect(await page.getByTestId('speech-note').textContent()).toContain('Gemini')
    const before = (await page.getByTestId('speech-audio').getAttribute('src'))!
    await page.getByTestId('speak').click()
    await loadedAudio(page, before)
    const bodies = playground.emulator.requests.filter((request) => request.path.endsWith('/audio/speech')).map((request) => request.json)
    expect(bodies).toMatchObject([
      { model: 'gpt-4o-mini-tts', speed: 1.5, instructions: 'Speak warmly' },
      { model: 'gemini-tts' },
    ])
    expect(bodies[1]).not.toHaveProperty('speed')
    expect(bodies[1]).not.toHaveProperty('instructions')
  })

  it('records the microphone from the click and transcribes the recording', async () => {
    const page = await playground.open('/plain.html')
    await page.getByTestId('record').click()
    await page.getByTestId('record-level').waitFor({ state: 'visible', timeout: 10_000 })
    // A second of the fake microphone's beep, as the button counts it.
    await page.waitForFunction(() => /^Stop · [1-9]/.test(document.querySelector('#record-label')!.textContent!), undefined, { timeout: 10_000 })
    await page.getByTestId('record').click()
    await page.locator('#transcript[data-final=true]').waitFor({ timeout: 20_000 })
    expect(playground.emulator.requests.at(-1)).toMatchObject({ path: '/v1/audio/transcriptions', status: 200, file: { filename: 'recording.webm', mimeType: 'audio/webm' } })
    expect(await page.getByTestId('transcript').textContent()).toMatch(/^Emulated transcript: webm audio/)
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
