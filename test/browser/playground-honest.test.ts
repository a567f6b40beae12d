import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { GEMINI_VOICES } from '../../playground/src/voices.ts'
import { useFixtureFiles } from './audio-files.ts'
import { describeInChromium, loadedAudio, setTestHeaders, usePlayground } from './harness.ts'

const MB = 1024 * 1024
const PAGES = ['/', '/plain.html'] as const

// Selectors that differ between the React page and the plain one.
const speechModel = (page: Page) => page.getByTestId('speech-card').locator('select').first()
const transcriptionModel = (page: Page) => page.getByTestId('transcription-card').locator('select').first()
const voice = (page: Page) => page.getByTestId('speech-voice')

/** The formats the page offers for the chosen model, and a way to choose one. */
async function offeredFormats(page: Page, path: string): Promise<{ formats: string[]; choose(format: string): Promise<void> }> {
  if (path === '/') {
    const radios = page.getByTestId('speech-formats').locator('input[type=radio]')
    const formats = await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
    return { formats, choose: (format) => page.getByTestId('speech-formats').locator(`input[value=${format}]`).check() }
  }
  const select = page.getByTestId('speech-format')
  const formats = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))
  return { formats, choose: async (format) => void (await select.selectOption(format)) }
}

/** Records whether the progress label ever showed "Uploading" while visible. */
async function watchUploadingLabel(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const state = { seen: false }
    ;(window as unknown as { __uploading: typeof state }).__uploading = state
    const read = () => {
      const label = document.querySelector<HTMLElement>('[data-testid=progress-label]')
      if (label && label.offsetParent !== null && /Uploading/.test(label.textContent ?? '')) state.seen = true
    }
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  return () => page.evaluate(() => (window as unknown as { __uploading: { seen: boolean } }).__uploading.seen)
}

describeInChromium('the playground offers only what works, on both pages', () => {
  const playground = usePlayground()
  const files = useFixtureFiles()

  it.each(PAGES)('%s: the voice follows the model, and the Gemini alias speaks', async (path) => {
    const page = await playground.open(path)
    await page.getByTestId('speech-text').fill('Voices follow models.')
    expect(await voice(page).inputValue()).toBe('alloy')
    await speechModel(page).selectOption('gemini-tts')
    const chosen = await voice(page).inputValue()
    expect(GEMINI_VOICES).toContain(chosen)
    await page.getByTestId('speak').click()
    const audio = await loadedAudio(page)
    expect(audio.duration).toBeGreaterThan(0)
    expect(await page.getByTestId('speech-card').getByTestId('error').isVisible()).toBe(false)
    expect(playground.emulator.requests.map((request) => [request.status, (request.json as { voice?: string }).voice])).toEqual([[200, chosen]])
    await speechModel(page).selectOption('tts')
    expect(await voice(page).inputValue()).toBe('alloy')
  })

  it.each(PAGES)('%s: every offered format of every model plays in Chromium', async (path) => {
    const page = await playground.open(path)
    await page.getByTestId('speech-text').fill('Format check.')
    const models = await speechModel(page).locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter((value) => !value.startsWith('\u0000')))
    expect(models).toEqual(['tts', 'tts-hd', 'gpt-4o-mini-tts', 'gemini-tts'])
    let previous: string | undefined
    const played: string[] = []
    for (const model of models) {
      await speechModel(page).selectOption(model)
      const { formats, choose } = await offeredFormats(page, path)
      // The emulator cannot produce opus or aac, and raw pcm does not play: none is offered.
      expect(formats.filter((format) => ['opus', 'aac', 'pcm'].includes(format))).toEqual([])
      for (const format of formats) {
        await choose(format)
        await page.getByTestId('speak').click()
        const audio = await loadedAudio(page, previous)
        expect(audio.duration, `${model} ${format}`).toBeGreaterThan(0)
        previous = audio.src
        played.push(`${model}:${format}`)
        const expected = format === 'auto' ? (model === 'gemini-tts' ? 'wav' : 'mp3') : format
        if (path === '/') expect(await page.getByTestId('result-format').textContent()).toMatch(new RegExp(`^${expected} · `))
        expect(await page.getByTestId('warnings').count() === 0 || !(await page.getByTestId('warnings').isVisible()), `no format warning for ${model} ${format}`).toBe(true)
      }
    }
    expect(played.filter((entry) => entry.startsWith('gemini-tts:'))).toEqual(['gemini-tts:auto', 'gemini-tts:wav'])
    expect(played.filter((entry) => entry.startsWith('tts:'))).toEqual(['tts:auto', 'tts:mp3', 'tts:wav', 'tts:flac'])
    expect(playground.emulator.requests.every((request) => request.status === 200)).toBe(true)
  }, 150_000) // up to 14 real syntheses

  it.each(PAGES)('%s: a new attempt clears the clip and the transcript it replaces', async (path) => {
    const small = await files.speechWav(`small-${path.length}.wav`, 'Stale results go.', 512 * 1024)
    const large = await files.speechWav(`large-${path.length}.wav`, 'Too large.', 1.5 * MB)
    const page = await playground.open(path)
    await page.getByTestId('speak').click()
    await loadedAudio(page)
    await setTestHeaders(page, { 'x-emulator-fault': '404' })
    await page.getByTestId('speak').click()
    await page.getByTestId('speech-card').getByTestId('error').waitFor()
    expect(await page.getByTestId('speech-audio').isVisible().catch(() => false)).toBe(false)
    await setTestHeaders(page, {})
    await page.getByTestId('file-input').setInputFiles(small)
    await page.getByTestId('transcript').getByText('Stale results go.').waitFor()
    await transcriptionModel(page).selectOption('whisper-small')
    await page.getByTestId('file-input').setInputFiles(large)
    await page.getByTestId('transcription-card').getByTestId('error').waitFor()
    expect(await page.getByTestId('transcript').isVisible().catch(() => false)).toBe(false)
    expect(await page.getByTestId('speech-card').getByTestId('error').isVisible()).toBe(true)
  })

  it.each(PAGES)('%s: a refused file never shows "Uploading", offers no retry, and the drop zone names the error\'s formats', async (path) => {
    const large = await files.speechWav(`refused-${path.length}.wav`, 'Too large.', 1.5 * MB)
    const page = await playground.open(path)
    const uploading = await watchUploadingLabel(page)
    await transcriptionModel(page).selectOption('whisper-small')
    await page.getByTestId('file-input').setInputFiles(large)
    const error = page.getByTestId('transcription-card').getByTestId('error-message')
    await error.waitFor()
    expect(await error.textContent()).toMatch(/^File size is too large/)
    await page.getByTestId('file-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not audio') })
    await page.waitForFunction(() => /notes\.txt|format/.test(document.querySelector('[data-testid=transcription-card] [data-testid=error-message]')?.textContent ?? ''))
    const message = (await error.textContent()) ?? ''
    const listed = (await page.getByTestId('upload-formats').textContent()) ?? ''
    expect(listed.split(', ').length).toBeGreaterThan(5)
    expect(message).toContain(`(${listed})`)
    expect(await uploading()).toBe(false)
    expect(await page.getByTestId('transcribe-again').count()).toBe(0)
    expect(playground.emulator.requests).toEqual([])
  })

  it('React: instructions, speed and notes follow the model', async () => {
    const page = await playground.open('/')
    const instructions = page.getByTestId('speech-instructions')
    const speed = page.locator('#speech-speed')
    await speechModel(page).selectOption('tts')
    expect([await instructions.isDisabled(), await speed.isDisabled()]).toEqual([true, false])
    expect(await page.getByTestId('speech-note').textContent()).toContain('tts-1 takes no instructions')
    await speechModel(page).selectOption('gemini-tts')
    expect([await instructions.isDisabled(), await speed.isDisabled()]).toEqual([true, true])
    await speechModel(page).selectOption('gpt-4o-mini-tts')
    expect([await instructions.isDisabled(), await speed.isDisabled()]).toEqual([false, false])
    await instructions.fill('Speak warmly')
    await page.getByTestId('speech-text').fill('Warmly.')
    await page.getByTestId('speak').click()
    await loadedAudio(page)
    expect(playground.emulator.requests[0]).toMatchObject({ status: 200, json: { instructions: 'Speak warmly' } })
    // The "Other…" field has a visible label of its own.
    await speechModel(page).selectOption({ label: 'Other…' })
    expect(await page.getByLabel('Model name').isVisible()).toBe(true)
  })

  it.each(PAGES)('%s: every tap target is at least 44 px at 390 px wide, with nothing wider than the screen', async (path) => {
    const page = await playground.open(path, { width: 390, height: 844 })
    await page.getByTestId('speak').click()
    await loadedAudio(page)
    const { count, small } = await page.evaluate(() => {
      const targets = [...document.querySelectorAll<HTMLElement>('a[href], button, summary, select, textarea, input:not([type=file]):not([type=hidden]), label.segment')]
        .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
      const tooSmall = targets
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ element, box }) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 24)}" ${Math.round(box.width)}×${Math.round(box.height)}`)
      return { count: targets.length, small: tooSmall }
    })
    expect(count).toBeGreaterThan(path === '/' ? 15 : 6)
    expect(small).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })

  it.each(PAGES)('%s: loads with no console error and no failed or refused request', async (path) => {
    const problems: string[] = []
    const fresh = await playground.open(path, undefined, (opening) => {
      opening.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`))
      opening.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`))
      opening.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()}: ${response.url()}`))
    })
    await fresh.waitForLoadState('networkidle')
    await fresh.waitForTimeout(300)
    expect(problems).toEqual([])
  })
})
