import { request as httpRequest } from 'node:http'
import { expect, it } from 'vitest'
import { useFixtureFiles } from './audio-files.ts'
import { describeInChromium, loadedAudio, usePlayground } from './harness.ts'

const SENTENCE = 'Plain modules, no framework.'

/** A raw GET with the target exactly as given (fetch and URL would normalize `..`). */
function rawGet(origin: string, target: string): Promise<number> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    httpRequest({ host: hostname, port, path: target, headers: { host: `${hostname}:${port}` } }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    }).on('error', reject).end()
  })
}

describeInChromium('plain page on the no-bundler browser build', () => {
  const playground = usePlayground()
  const files = useFixtureFiles()

  it('loads voxfetch from /vendor/voxfetch/ with no import map and no bare import, and speaks', async () => {
    const scripts: string[] = []
    const failed: string[] = []
    const page = await playground.open('/plain.html', undefined, (page) => {
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
      })
      page.on('requestfailed', (request) => failed.push(request.url()))
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
      })
    })
    expect(await page.locator('script[type=importmap]').count()).toBe(0)
    expect(scripts).toContain('/vendor/voxfetch/index.js')
    // Every module the page runs is the page's own bundle or the browser build: nothing resolved by name.
    expect(scripts.filter((path) => !path.startsWith('/vendor/voxfetch/') && !path.startsWith('/assets/')), scripts.join(' ')).toEqual([])
    expect(scripts.some((path) => /ofetch|zod|destr|ufo|node_modules/.test(path))).toBe(false)
    await page.getByTestId('speak').click()
    const audio = await loadedAudio(page)
    expect(audio.duration).toBeGreaterThan(0)
    expect(failed).toEqual([])
  })

  it('grows a streamed transcript before the final text', async () => {
    const file = await files.speechWav('plain-grow.wav', SENTENCE, 300_000)
    const page = await playground.open('/plain.html')
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as never as { __partials: string[] }).__partials = seen
      new MutationObserver(() => {
        const transcript = document.querySelector<HTMLElement>('#transcript')
        if (transcript?.textContent && transcript.dataset.final !== 'true') seen.push(transcript.textContent)
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    await page.getByTestId('transcription-stream').check()
    expect(await page.getByTestId('stream-note').textContent()).toContain('openai/gpt-4o-transcribe')
    await page.getByTestId('file-input').setInputFiles(file)
    await page.locator('#transcript[data-final=true]').waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('transcript').textContent()).toBe(SENTENCE)
    const partials = [...new Set(await page.evaluate(() => (window as never as { __partials: string[] }).__partials))]
    expect(partials.length, JSON.stringify(partials)).toBeGreaterThanOrEqual(2)
    expect(partials[0]!.length).toBeLessThan(SENTENCE.length)
    expect(playground.emulator.requests.at(-1)).toMatchObject({ path: '/openai/v1/audio/transcriptions', status: 200 })
  })

  it('serves nothing outside dist/browser under /vendor/voxfetch/', async () => {
    const page = await playground.open('/plain.html')
    const origin = new URL(page.url()).origin
    expect(await rawGet(origin, '/vendor/voxfetch/index.js')).toBe(200)
    for (const target of ['/vendor/voxfetch/../../package.json', '/vendor/voxfetch/%2e%2e/%2e%2e/package.json', '/vendor/voxfetch/..%2F..%2Fpackage.json', '/vendor/voxfetch/', '/vendor/voxfetchx/index.js']) {
      expect([400, 404], target).toContain(await rawGet(origin, target))
    }
  })
})
