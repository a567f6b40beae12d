import { mkdir } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import { useFixtureFiles } from './audio-files.ts'
import { describeInChromium, loadedAudio, objectURLCounts, setTestHeaders, usePlayground, watchUpload } from './harness.ts'

const MB = 1024 * 1024
const ARTIFACTS = new URL('../artifacts/', import.meta.url)
const SENTENCE = 'The quick brown fox jumps over the lazy dog.'

describeInChromium('React playground in Chromium', () => {
  const playground = usePlayground()
  const files = useFixtureFiles()

  it('plays the speech from a blob URL, with no key in the page', async () => {
    const page = await playground.open('/')
    const sent: Record<string, string>[] = []
    page.on('request', (request) => {
      if (request.url().includes('/audio/')) sent.push(request.headers())
    })
    await page.getByTestId('speak').click()
    const audio = await loadedAudio(page)
    expect(audio.src).toMatch(/^blob:/)
    expect(audio.duration).toBeGreaterThan(0)
    expect(await page.getByTestId('download').getAttribute('href')).toBe(audio.src)
    expect(await page.getByTestId('response-headers').textContent()).toContain('x-litellm-call-id')
    // The playground server adds the proxy key; the page itself never holds it.
    expect(sent).toHaveLength(1)
    expect(sent[0]).not.toHaveProperty('authorization')
    expect(await page.content()).not.toContain(TEST_KEYS.proxy)
    expect(playground.emulator.requests.map((request) => [request.path, request.status])).toEqual([['/v1/audio/speech', 200]])
  })

  it('shows upload progress as the emulator reads a large file slowly, then the transcript', async () => {
    const file = await files.speechWav('long-speech.wav', SENTENCE, 16 * MB)
    const page = await playground.open('/')
    await setTestHeaders(page, { 'x-emulator-upload-rate': String(3 * MB) })
    const events = await watchUpload(page)
    await page.getByTestId('file-input').setInputFiles(file)
    await page.getByTestId('transcript').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('transcript').textContent()).toBe(SENTENCE)
    const seen = await events()
    const percents = seen.filter((event): event is number => typeof event === 'number')
    expect(percents.filter((percent) => percent > 0 && percent < 100).length, `progress seen: ${seen.join(' ')}`).toBeGreaterThanOrEqual(3)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(seen.indexOf(100)).toBeGreaterThan(0)
    expect(seen.indexOf('transcript')).toBeGreaterThan(seen.indexOf(100))
    const [request] = playground.emulator.requests
    expect(request).toMatchObject({ path: '/v1/audio/transcriptions', completed: true, status: 200, file: { size: 16 * MB } })
  })

  it('refuses a file over the model limit in the page, with the proxy\'s message, sending nothing', async () => {
    const file = await files.speechWav('too-large.wav', SENTENCE, 1.5 * MB)
    const page = await playground.open('/')
    const card = page.getByTestId('transcription-card')
    await card.locator('select').first().selectOption('whisper-small')
    expect(await card.getByTestId('max-size').textContent()).toBe('Max 1\u00a0MB')
    await page.getByTestId('file-input').setInputFiles(file)
    const message = page.getByTestId('error-message')
    await message.waitFor()
    expect(await message.textContent()).toBe('File size is too large. Please check your file size. Passed file size: 1.5 MB. Max file size: 1.0 MB')
    expect(await page.getByTestId('error').textContent()).toContain('FileTooLargeError')
    await page.waitForTimeout(200)
    expect(playground.emulator.requests).toEqual([])
  })

  it('cancels an upload in flight, and the emulator sees the connection close', async () => {
    // The socket buffers between Chromium, the playground server and the emulator hold ~8 MB on
    // loopback, which the emulator still reads before the close reaches it: the file is larger.
    const size = 24 * MB
    const file = await files.speechWav('huge-speech.wav', SENTENCE, size)
    const page = await playground.open('/')
    await setTestHeaders(page, { 'x-emulator-upload-rate': String(4 * MB) })
    await page.getByTestId('file-input').setInputFiles(file)
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=upload-progress]')?.getAttribute('aria-valuenow')) > 0)
    await page.getByTestId('cancel-upload').click()
    // An abort is not an error: the card goes back to idle at once.
    await page.getByTestId('upload-progress').waitFor({ state: 'detached' })
    expect(await page.getByTestId('error').count()).toBe(0)
    await playground.emulator.waitForSettled(1, 15_000)
    const [request] = playground.emulator.requests
    expect(request).toMatchObject({ path: '/v1/audio/transcriptions', completed: false })
    expect(request!.status).toBeUndefined()
    expect(request!.bodyBytes).toBeLessThan(size)
  })

  it('revokes each clip\'s blob URL when the next one replaces it', async () => {
    const page = await playground.open('/')
    let previous: string | undefined
    for (const text of ['One.', 'Two.', 'Three.', 'Four.']) {
      await page.getByTestId('speech-text').fill(text)
      await page.getByTestId('speak').click()
      previous = (await loadedAudio(page, previous)).src
    }
    const counts = await objectURLCounts(page)
    // Per clip: the <audio>'s blob URL, and the player's own (its MediaSource while streaming,
    // then the finished clip for replay). Only the last clip's stay alive.
    expect(counts, JSON.stringify(counts)).toMatchObject({ created: 12, live: 2, revoked: 10 })
  })

  it('records the microphone and transcribes the recording', async () => {
    const page = await playground.open('/')
    await page.getByTestId('record').click()
    // A second of the fake microphone's beep, as the button counts it.
    await page.getByText('Stop · 0:01').waitFor({ timeout: 10_000 })
    await page.getByTestId('record').click()
    const transcript = page.getByTestId('transcript')
    await transcript.waitFor({ timeout: 10_000 })
    expect(await page.getByTestId('selected-file').textContent()).toContain('recording.webm')
    expect(await transcript.textContent()).toMatch(/^Emulated transcript: webm audio/)
    expect(playground.emulator.requests[0]?.file).toMatchObject({ filename: 'recording.webm', mimeType: 'audio/webm' })
  })

  it('speaks, transcribes the clip and fits a phone screen (screenshots in test/artifacts)', async () => {
    await mkdir(ARTIFACTS, { recursive: true })
    const page = await playground.open('/')
    await page.getByTestId('speak').click()
    await loadedAudio(page)
    await page.getByTestId('transcribe-clip').click()
    await page.getByTestId('transcript').waitFor()
    expect(await page.getByTestId('transcript').textContent()).toMatch(/^Hello! This voice was synthesized/)
    await page.screenshot({ path: new URL('playground-desktop.png', ARTIFACTS).pathname, fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.screenshot({ path: new URL('playground-phone.png', ARTIFACTS).pathname, fullPage: true })
  })
})
