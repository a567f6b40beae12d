import { expect, it } from 'vitest'
import { describeInChromium, usePlayground } from './harness.ts'

describeInChromium('React playground: read aloud as it is written', () => {
  const playground = usePlayground()

  it('streams the chat answer into the page and speaks it as it grows, the sentence being read highlighted', { timeout: 90_000 }, async () => {
    const page = await playground.open('/')
    const card = page.getByTestId('read-aloud-card')
    await card.getByTestId('read-aloud').click()
    const answer = card.getByTestId('read-aloud-answer')
    // A sentence is highlighted while the answer is still being written (30 tokens/s: ~5 s).
    const mark = card.getByTestId('read-aloud-sentence')
    await mark.waitFor({ timeout: 30_000 })
    const firstHighlight = await mark.textContent()
    const writtenThen = (await answer.textContent())!.length
    // The first clause is spoken before the first sentence is complete.
    expect(firstHighlight).toBe('Here is a short answer')
    await page.waitForFunction(() => document.querySelector('[data-testid=read-aloud-answer]')!.textContent!.includes('Thanks for listening!'), undefined, { timeout: 30_000 })
    const written = (await answer.textContent())!
    expect(writtenThen).toBeLessThan(written.length)
    // The highlight moves on to later sentences, in order, as they are spoken.
    await page.waitForFunction(() => document.querySelector('[data-testid=read-aloud-sentence]')?.textContent?.startsWith('Each sentence is sent'), undefined, { timeout: 30_000 })
    const requests = playground.emulator.requests
    expect(requests.some((request) => request.path === '/v1/chat/completions')).toBe(true)
    const inputs = requests.filter((request) => request.path === '/v1/audio/speech').map((request) => (request.json as { input: string }).input)
    // Markdown never reaches the voice: no link target, no code, no asterisks.
    expect(inputs.join(' ')).not.toMatch(/https:|const stream|\*\*/)
    await card.getByTestId('read-aloud-stop').click()
    await mark.waitFor({ state: 'detached' })
  })
})
