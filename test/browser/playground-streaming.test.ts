import { expect, it } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import { useFixtureFiles } from './audio-files.ts'
import { describeInChromium, loadedAudio, setTestHeaders, usePlayground } from './harness.ts'

const SENTENCE = 'The quick brown fox jumps over the lazy dog.'

describeInChromium('React playground: streamed playback, a growing transcript, recording', () => {
  const playground = usePlayground()
  const files = useFixtureFiles()

  it('streamed playback sounds before the last byte arrives; the switch gives the whole-clip path', async () => {
    const page = await playground.open('/')
    // The emulator sends the clip slowly (a few seconds for the sample's mp3), as a server at speaking pace.
    await setTestHeaders(page, { 'x-emulator-body-rate': '12000' })
    expect(await page.getByTestId('play-stream').isChecked()).toBe(true)
    await page.getByTestId('speak').click()
    // Sound while the request is still downloading, then the finished clip for replay.
    await page.getByTestId('speech-streaming').waitFor({ timeout: 30_000 })
    const streamed = await loadedAudio(page)
    expect(await page.getByTestId('first-sound').getAttribute('data-downloading')).toBe('true')

    await page.getByTestId('play-whole').check()
    const whole = page.waitForFunction(() => document.querySelector('[data-testid=speech-placeholder]')?.textContent === 'Synthesizing…')
    await page.getByTestId('speak').click()
    await whole
    await loadedAudio(page, streamed.src)
    const first = page.getByTestId('first-sound')
    await first.waitFor()
    expect(await first.getAttribute('data-downloading')).toBe('false')
    expect(await page.getByTestId('speech-streaming').count()).toBe(0)
  })

  it('the transcript grows: partial text is on the page before the final one', async () => {
    const file = await files.speechWav('grow.wav', SENTENCE, 400_000)
    const page = await playground.open('/')
    const seen: string[] = []
    await page.exposeFunction('__partial', (text: string) => seen.push(text))
    await page.evaluate(() => {
      new MutationObserver(() => {
        const partial = document.querySelector('[data-testid=partial-transcript]')?.textContent
        if (partial) (window as never as { __partial: (text: string) => void }).__partial(partial)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await page.getByTestId('transcription-stream').check()
    expect(await page.getByTestId('stream-model').textContent()).toBe('openai/gpt-4o-transcribe')
    await page.getByTestId('file-input').setInputFiles(file)
    await page.locator('[data-testid=transcript], [data-testid=error-message]').first().waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('error-message').count(), await page.getByTestId('transcription-card').textContent() ?? '').toBe(0)
    expect(await page.getByTestId('transcript').textContent()).toBe(SENTENCE)
    const partials = [...new Set(seen)]
    expect(partials.length, `partials: ${JSON.stringify(partials)}`).toBeGreaterThanOrEqual(2)
    expect(partials[0]!.length).toBeLessThan(SENTENCE.length)
    expect(SENTENCE.startsWith(partials[0]!.trim())).toBe(true)
    const [request] = playground.emulator.requests
    expect(request).toMatchObject({ path: '/openai/v1/audio/transcriptions', status: 200 })
    // The emulator's public OpenAI test key, never the proxy key the server holds.
    expect(await page.content()).not.toContain(TEST_KEYS.proxy)
  })

  it('records the fake microphone with a moving level meter, then transcribes the recording', async () => {
    const page = await playground.open('/')
    await page.getByTestId('record').click()
    const meter = page.getByTestId('record-level')
    await meter.waitFor()
    const levels: number[] = []
    for (let i = 0; i < 12; i++) {
      levels.push(Number(await meter.getAttribute('data-level')))
      await page.waitForTimeout(120)
    }
    expect(Math.max(...levels), `levels: ${levels.join(' ')}`).toBeGreaterThan(0.05)
    expect(new Set(levels).size).toBeGreaterThan(2)
    await page.getByTestId('record').click()
    await page.getByTestId('transcript').waitFor({ timeout: 20_000 })
    expect((await page.getByTestId('transcript').textContent())?.length).toBeGreaterThan(0)
    expect(await page.getByTestId('selected-file').textContent()).toContain('recording.webm')
    expect(playground.emulator.requests.at(-1)).toMatchObject({ path: '/v1/audio/transcriptions', status: 200, file: { filename: 'recording.webm' } })
  })
})
