import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { composeDictation, loadPhrases } from '../fixtures/dictation/compose.ts'
import { describeInChromium, objectURLCounts, usePlayground } from './harness.ts'

const phrases = loadPhrases().slice(0, 3)
const composed = composeDictation(phrases, [0, 1, 2], { pauseMs: 1000, tailMs: 3000 })
let directory = ''

describeInChromium('the playground Dictation card (fake microphone playing espeak-ng phrases with pauses)', () => {
  const playground = usePlayground({
    async chromiumArgs() {
      directory = await mkdtemp(join(tmpdir(), 'voxfetch-playground-dictation-'))
      const file = join(directory, 'speech.wav')
      await writeFile(file, composed.wav)
      return [`--use-file-for-fake-audio-capture=${file}`]
    },
  })
  afterAll(() => rm(directory, { recursive: true, force: true }))

  it('shows the text growing while listening, the pieces on a timeline, and offers the whole recording', async () => {
    const page = await playground.open('/')
    const card = page.getByTestId('dictation-card')
    await card.getByTestId('dictate').click()
    const text = card.getByTestId('dictation-text')
    // The first phrase is on the page while the microphone is still on.
    await expect.poll(() => text.textContent(), { timeout: 15_000 }).toContain(phrases[0]!.text)
    expect(await card.getByTestId('dictate').textContent()).toMatch(/^Stop/)
    await expect.poll(() => text.textContent(), { timeout: 20_000 }).toContain(phrases[2]!.text)
    await card.getByTestId('dictate').click()
    await card.getByTestId('dictation-download').waitFor()
    expect((await text.textContent())!.trim()).toBe(phrases.map((phrase) => phrase.text).join(' '))
    const statuses = await card.locator('.dictation-timeline li').evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))
    expect(statuses.filter((status) => status === 'done')).toHaveLength(3)
    expect(statuses.every((status) => status === 'done' || status === 'silent')).toBe(true)
    expect(await card.getByTestId('dictation-download').getAttribute('download')).toBe('dictation.wav')
    expect((await objectURLCounts(page)).live).toBe(1)
  })

  it('offers the whole recording in the recorder\'s compressed format when chosen: a webm that decodes', async () => {
    const page = await playground.open('/')
    const card = page.getByTestId('dictation-card')
    await card.getByTestId('dictation-format').selectOption('compressed')
    await card.getByTestId('dictate').click()
    const text = card.getByTestId('dictation-text')
    await expect.poll(() => text.textContent(), { timeout: 15_000 }).toContain(phrases[0]!.text)
    expect(await card.getByTestId('dictation-format').isDisabled()).toBe(true)
    await card.getByTestId('dictate').click()
    const download = card.getByTestId('dictation-download')
    await download.waitFor()
    expect(await download.getAttribute('download')).toBe('dictation.webm')
    expect(await download.textContent()).toMatch(/WEBM\)$/)
    const file = await download.evaluate(async (link: HTMLAnchorElement) => {
      const bytes = await (await fetch(link.href)).arrayBuffer()
      const decoded = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(bytes.slice(0))
      return { magic: [...new Uint8Array(bytes, 0, 4)].map((byte) => byte.toString(16)).join(''), seconds: decoded.duration }
    })
    expect(file.magic).toBe('1a45dfa3')
    expect(file.seconds).toBeGreaterThan(1)
    expect((await objectURLCounts(page)).live).toBe(1)
  })
})
