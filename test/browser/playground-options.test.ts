import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInChromium, loadedAudio, usePlayground } from './harness.ts'

// The playground offers nothing that must fail: no model name that cannot work, no Speak the
// server will refuse, no option carried to a model it was not set for, and a proxy's error in
// words as well as as it came.
const speechModel = (page: Page) => page.getByTestId('speech-card').locator('select').first()
const speechBodies = (requests: { path: string; json?: unknown }[]) => requests.filter((request) => request.path.endsWith('/audio/speech')).map((request) => request.json as Record<string, unknown>)

describeInChromium('playground options', () => {
  const playground = usePlayground()

  it.each(['/', '/plain.html'])('%s: Speak is disabled past 4,096 characters, with the reason, and enabled again at 4,096', async (path) => {
    const page = await playground.open(path)
    await page.getByTestId('speech-text').fill('a'.repeat(4097))
    expect(await page.getByTestId('speak').isDisabled()).toBe(true)
    expect(await page.getByTestId('speech-too-long').textContent()).toContain('shorten the text by 1')
    await page.getByTestId('speech-text').fill('a'.repeat(4096))
    expect(await page.getByTestId('speak').isEnabled()).toBe(true)
    expect(await page.getByTestId('speech-too-long').isVisible()).toBe(false)
  })

  it.each(['/', '/plain.html'])('%s: a speed set on one model is not carried to the next', async (path) => {
    const page = await playground.open(path)
    const speed = page.locator('#speech-speed')
    await speechModel(page).selectOption('gpt-4o-mini-tts')
    await speed.fill('2')
    await speechModel(page).selectOption('tts')
    expect(await speed.inputValue()).toBe('1')
    await page.getByTestId('speech-text').fill('At its own speed.')
    await page.getByTestId('speak').click()
    await loadedAudio(page)
    expect(speechBodies(playground.emulator.requests)).toHaveLength(1)
    expect(speechBodies(playground.emulator.requests)[0]).not.toHaveProperty('speed')
  })

  it('"Other…" suggests a proxy alias, never a provider model the page cannot call', async () => {
    const page = await playground.open('/')
    await speechModel(page).selectOption({ label: 'Other…' })
    expect(await page.getByLabel('Model name').getAttribute('placeholder')).not.toMatch(/openai\/|gemini\/|azure\//)
  })

  it("shows an unknown alias's refusal in words, keeps it as the proxy sent it, and drops the None fields", async () => {
    const page = await playground.open('/')
    await speechModel(page).selectOption({ label: 'Other…' })
    await page.getByLabel('Model name').fill('no-such-alias')
    await page.getByTestId('speak').click()
    const message = page.getByTestId('speech-card').getByTestId('error-message')
    await message.waitFor({ timeout: 20_000 })
    expect(await message.textContent()).toBe('/audio/speech: Invalid model name passed in model=no-such-alias. Call `/v1/models` to view available models for your key.')
    expect(await page.getByTestId('error-raw').textContent()).toMatch(/^400 \{'error': '\/audio\/speech: Invalid model name passed in model=no-such-alias\./)
    const facts = await page.getByTestId('speech-card').locator('.facts').textContent()
    expect(facts).toContain('400')
    expect(facts).not.toContain('None')
  })
})
