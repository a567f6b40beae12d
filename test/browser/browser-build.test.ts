import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, inject } from 'vitest'
import { startEmulator, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { ROOT } from '../bench/paths.ts'
import { launchChromium, type LaunchedChromium } from './chromium.ts'
import { describeInChromium } from './harness.ts'

// dist/browser (the `voxfetch/browser` build) loaded by a plain page from a static path, as a CDN
// serves it: no bundler, no import map. The API is the emulator, on another origin (CORS).
const PAGE = new URL('./static/browser-build.html', import.meta.url)
const CDN_PATH = '/npm/voxfetch/dist/browser/'
const BUILD = join(ROOT, 'dist/browser')

/** Serves the page at / and dist/browser/ under CDN_PATH; records every path asked for. */
async function startStaticServer(): Promise<{ url: string; paths: string[]; server: Server }> {
  const paths: string[] = []
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    paths.push(path)
    try {
      if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(PAGE))
      const name = path.startsWith(CDN_PATH) ? path.slice(CDN_PATH.length) : ''
      if (!/^[\w-]+\.js$/.test(name)) return void response.writeHead(404).end()
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(await readFile(join(BUILD, name)))
    } catch {
      response.writeHead(404).end()
    }
  })
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths, server }
}

describeInChromium('the browser build, from a <script type="module"> with no import map', () => {
  let emulator: Emulator
  let site: Awaited<ReturnType<typeof startStaticServer>>
  let chromium: LaunchedChromium
  let page: Page
  let errors: string[]
  let requested: string[]

  beforeAll(async () => {
    await readFile(join(BUILD, 'index.js')).catch(() => {
      throw new Error('dist/browser/index.js is missing: run `npm run build` first (`npm test` does)')
    })
    emulator = await startEmulator()
    site = await startStaticServer()
    chromium = await launchChromium(inject('chromiumEndpoint'))
  })
  afterAll(async () => {
    await chromium?.close()
    await new Promise((resolve) => site?.server.close(resolve))
    await emulator?.close()
  })
  beforeEach(async () => {
    emulator.reset()
    site.paths.length = 0
    errors = []
    requested = []
    page = await chromium.context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    page.on('request', (request) => requested.push(request.url()))
    await page.goto(`${site.url}/?api=${encodeURIComponent(emulator.url)}`)
    await page.waitForSelector('body[data-ready=true]', { timeout: 10_000 })
  })
  afterEach(async () => {
    await page.close()
    expect(errors, 'errors in the page').toEqual([])
  })

  it('speaks, plays the audio and transcribes it back against the emulator', async () => {
    expect(await page.evaluate(() => document.querySelector('script[type=importmap]'))).toBeNull()
    const result = await page.evaluate(() =>
      (window as unknown as { voxfetchPage: { speakAndTranscribe(text: string): Promise<{ mediaType: string; size: number; text: string; progress: number[] }> } })
        .voxfetchPage.speakAndTranscribe('Loaded from a static path.'),
    )
    expect(result.mediaType).toBe('audio/wav')
    expect(result.size).toBeGreaterThan(1_000)
    expect(result.text).toBe('Loaded from a static path.')
    expect(result.progress.at(-1)).toBe(100)
    const duration = await page.waitForFunction(() => {
      const audio = document.querySelector<HTMLAudioElement>('[data-testid=speech-audio]')!
      return audio.readyState >= HTMLMediaElement.HAVE_METADATA && audio.duration
    }, undefined, { timeout: 10_000 })
    expect(await duration.jsonValue()).toBeGreaterThan(0.3)

    const [speech, transcription] = emulator.requests.filter((request) => request.method === 'POST') // after CORS preflights
    expect(speech).toMatchObject({ path: '/v1/audio/speech', status: 200, json: { model: 'tts', input: 'Loaded from a static path.', voice: 'alloy' } })
    expect(transcription).toMatchObject({ path: '/v1/audio/transcriptions', status: 200, completed: true, fields: { model: 'whisper' } })
    // Only the page, the build's own files and the API: nothing resolved anywhere else.
    const elsewhere = requested.filter((url) => !url.startsWith(site.url) && !url.startsWith(emulator.url) && !url.startsWith('blob:'))
    expect(elsewhere).toEqual([])
    expect(site.paths[0]).toBe('/')
    expect(site.paths.slice(1).every((path) => path.startsWith(CDN_PATH))).toBe(true)
    expect(site.paths).toContain(`${CDN_PATH}index.js`)
  })

  it('loads a lazy provider adapter as a relative chunk on first use', async () => {
    const before = site.paths.filter((path) => /\/gemini-\w+\.js$/.test(path))
    expect(before).toEqual([])
    const result = await page.evaluate(
      (key) => (window as unknown as { voxfetchPage: { speakThroughGemini(text: string, key: string): Promise<{ mediaType: string; size: number }> } })
        .voxfetchPage.speakThroughGemini('Hello from a lazy chunk.', key),
      TEST_KEYS.gemini,
    )
    expect(result).toMatchObject({ mediaType: 'audio/wav' })
    expect(result.size).toBeGreaterThan(1_000)
    expect(site.paths.filter((path) => /^\/npm\/voxfetch\/dist\/browser\/gemini-\w+\.js$/.test(path))).toHaveLength(1)
    expect(emulator.requests.filter((request) => request.method === 'POST')).toMatchObject([{ persona: 'gemini', status: 200 }])
  })
})
