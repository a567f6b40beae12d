import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { describeInChromium, loadedAudio, usePlayground } from './harness.ts'

// axe-core checks each playground page as it loads, at a desktop and a phone width: WCAG 2.1 A and
// AA and axe's best practices, no violation allowed.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations
  }, TAGS)
  return found.map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('; ')}`)
}

describeInChromium('playground pages checked by axe-core', () => {
  const playground = usePlayground()

  it.each([
    ['/', 1280],
    ['/', 390],
    ['/plain.html', 1280],
    ['/plain.html', 390],
  ] as const)('%s at %i px has no violations, as loaded and with a clip spoken', async (path, width) => {
    const page = await playground.open(path, { width, height: 900 })
    // The model lists come from /playground.json: check the page as it is once they are in.
    await page.waitForFunction(() => document.querySelectorAll('select option').length > 3)
    expect(await violations(page)).toEqual([])
    await page.getByTestId('speak').click()
    await loadedAudio(page)
    expect(await violations(page)).toEqual([])
  })
})
