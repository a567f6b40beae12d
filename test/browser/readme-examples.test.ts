import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, inject } from 'vitest'
import { emulatorInfo } from '../../playground/server/models.ts'
import { startPlaygroundServer, type PlaygroundServer } from '../../playground/server/server.ts'
import { emulatorUpstream } from '../../playground/server/upstreams.ts'
import { DEFAULT_CONFIG, type Emulator, startEmulator } from '../emulator/index.ts'
import { blocksOf, CDN_BROWSER_BUILD, htmlScript, ROOT } from '../readme-blocks.ts'
import { launchChromium, type LaunchedChromium } from './chromium.ts'
import { describeInChromium } from './harness.ts'
import { trackPageErrors } from './page-errors.ts'

// The README's browser examples as written, on a page of their own origin (a dev server's, or a
// CDN user's) calling `npm start`'s server on another port: the ```html block on the browser
// build, the ```js block (written for a bundler) with an import map standing in for the bundler.
const BUILD = join(ROOT, 'dist/browser')

/** Counts the Web Audio buffers the page starts: the player really played. */
function countStartedBuffers() {
  const counts = { started: 0 }
  ;(window as unknown as { __buffers: typeof counts }).__buffers = counts
  const start = AudioBufferSourceNode.prototype.start
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
    counts.started++
    return start.apply(this, args)
  }
}

async function startSite(pages: Record<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (pages[path]) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path])
    const name = /^\/cdn\/([\w-]+\.js)$/.exec(path)?.[1]
    const code = name ? await readFile(join(BUILD, name)).catch(() => undefined) : undefined
    if (!code) return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

describeInChromium('README browser examples, from another origin against npm start', () => {
  let emulator: Emulator
  let playground: PlaygroundServer
  let keyHolding: PlaygroundServer
  let site: Awaited<ReturnType<typeof startSite>>
  let chromium: LaunchedChromium
  const pages = trackPageErrors()

  beforeAll(async () => {
    emulator = await startEmulator()
    const options = { upstream: emulatorUpstream(emulator), pages: { dir: ROOT }, info: () => emulatorInfo(DEFAULT_CONFIG) }
    // As `npm start` runs with the emulator (no real key): loopback dev origins allowed.
    playground = await startPlaygroundServer({ ...options, allowOrigins: { origins: [], loopback: true } })
    // As it runs holding a real key, with no origin named.
    keyHolding = await startPlaygroundServer(options)
    const api = (code: string) => code.replaceAll('http://localhost:4000', `http://localhost:${playground.port}`)
    const [html] = blocksOf('html')
    const [js] = blocksOf('js')
    site = await startSite({
      '/script-tag.html': `<!doctype html><html lang="en"><title>README</title>${api(html!.code).replace(CDN_BROWSER_BUILD, '/cdn/')}`,
      '/bundler.html': `<!doctype html><html lang="en"><title>README</title><button id="speak">Speak</button>
        <script type="importmap">{ "imports": { "voxfetch": "/cdn/index.js", "voxfetch/player": "/cdn/player.js" } }</script>
        <script type="module">${api(js!.code)}</script>`,
      '/refused.html': `<!doctype html><html lang="en"><title>refused</title><script type="module">
        import { createClient } from '/cdn/index.js'
        const client = createClient({ baseURL: 'http://localhost:${keyHolding.port}', apiKey: 'sk-voxfetch-test-proxy-7Qz3', maxRetries: 0 })
        window.attempt = client.speech({ model: 'tts', input: 'Hello', voice: 'alloy' }).then(() => 'answered', (error) => error.message)
      </script>`,
    })
    expect(htmlScript(html!.code)).toContain('dist/browser/player.js')
    chromium = await launchChromium(inject('chromiumEndpoint'))
    await chromium.context.addInitScript(countStartedBuffers)
  })
  afterAll(async () => {
    await chromium?.close()
    await new Promise((resolve) => site?.server.close(resolve))
    await Promise.all([playground?.close(), keyHolding?.close()])
    await emulator?.close()
  })
  beforeEach(() => emulator.reset())
  afterEach(() => pages.closeAll())

  const buffersStarted = (page: import('playwright-core').Page) =>
    page.evaluate(() => (window as unknown as { __buffers: { started: number } }).__buffers.started)

  it('the <script type="module"> example plays from the click, loading the player from the browser build', async () => {
    const page = pages.track(await chromium.context.newPage())
    const scripts: string[] = []
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname))
    await page.goto(`${site.url}/script-tag.html`)
    await page.locator('#speak').click()
    await expect.poll(() => buffersStarted(page), { timeout: 20_000 }).toBeGreaterThan(0)
    expect(scripts).toEqual(expect.arrayContaining(['/cdn/index.js', '/cdn/player.js']))
    // The README says how many files this example loads.
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
    expect(scripts).toHaveLength(Number(/The example\s+below loads (\d+) files/.exec(readme)?.[1]))
    expect(emulator.requests.filter((request) => request.method === 'POST')).toMatchObject([
      { path: '/v1/audio/speech', status: 200, json: { model: 'tts', voice: 'alloy', input: 'Hello from a script tag', response_format: 'wav' } },
    ])
  })

  it('the voxfetch/player example plays PCM from the click and reports the player’s states', async () => {
    const page = pages.track(await chromium.context.newPage())
    const logged: string[] = []
    page.on('console', (message) => message.type() === 'log' && logged.push(message.text()))
    await page.goto(`${site.url}/bundler.html`)
    await page.locator('#speak').click()
    await expect.poll(() => logged.includes('ended'), { timeout: 20_000 }).toBe(true)
    expect(logged).toEqual(expect.arrayContaining(['loading', 'playing', 'ended']))
    expect(await buffersStarted(page)).toBeGreaterThan(0)
    expect(emulator.requests.filter((request) => request.method === 'POST')).toMatchObject([{ status: 200, json: { voice: 'alloy', response_format: 'pcm' } }])
  })

  it('a server holding a key still refuses another origin, and the error says it is most likely CORS', async () => {
    const page = pages.track(await chromium.context.newPage())
    page.on('console', () => {}) // Chromium logs the CORS refusal itself
    await page.goto(`${site.url}/refused.html`)
    const message = await page.evaluate(() => (window as unknown as { attempt: Promise<string> }).attempt)
    expect(message).toBe(
      `Connection failed: Failed to fetch (in a browser this is most often CORS: http://localhost:${keyHolding.port} did not allow this page's origin ${site.url}; or the server is not running)`,
    )
    expect(emulator.requests).toEqual([])
  })
})
