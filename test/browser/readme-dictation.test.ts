import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, type Plugin } from 'esbuild'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.ts'
import { composeDictation, loadPhrases } from '../fixtures/dictation/compose.ts'
import { blocksOf, ROOT } from '../readme-blocks.ts'
import { launchChromium, type LaunchedChromium } from './chromium.ts'
import { describeInChromium } from './harness.ts'

// The README's dictation example without React, as written, bundled as a bundler would (the
// package's names resolved to the source) and run on Chromium's fake microphone against the
// emulator, on a page with the buttons and the output it looks for.
const ENTRIES: Record<string, string> = { voxfetch: 'src/index.ts', 'voxfetch/dictation': 'src/dictation/index.ts', 'voxfetch/recorder': 'src/record/index.ts' }
const packageNames: Plugin = {
  name: 'voxfetch-source',
  setup(bundler) {
    bundler.onResolve({ filter: /^voxfetch(\/|$)/ }, (args) => ({ path: join(ROOT, ENTRIES[args.path]!) }))
  },
}
const phrase = loadPhrases()[3]!

describeInChromium("the README's dictation example without React, on the fake microphone", () => {
  let directory = ''
  let emulator: Emulator
  let server: Server
  let chromium: LaunchedChromium
  let url = ''

  beforeAll(async () => {
    const block = blocksOf('js').find((each) => each.code.includes("from 'voxfetch/dictation'"))!
    emulator = await startEmulator()
    const bundle = await build({
      stdin: { contents: block.code.replaceAll('http://localhost:4000', emulator.url), resolveDir: ROOT, loader: 'js' },
      bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'warning', plugins: [packageNames],
    })
    const code = bundle.outputFiles[0]!.text
    server = createServer((request, response) => {
      if (request.url === '/example.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(code)
      response.writeHead(200, { 'content-type': 'text/html' }).end(
        '<!doctype html><meta charset="utf-8"><title>README dictation</title><button id="dictate">Dictate</button><button id="stop">Stop</button><p id="dictated"></p><script type="module" src="/example.js"></script>',
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    directory = await mkdtemp(join(tmpdir(), 'voxfetch-readme-dictation-'))
    const file = join(directory, 'speech.wav')
    await writeFile(file, composeDictation([phrase], [0]).wav)
    chromium = await launchChromium(undefined, [`--use-file-for-fake-audio-capture=${file}`])
    await chromium.context.grantPermissions(['microphone'], { origin: url })
  })
  afterAll(async () => {
    await chromium?.close()
    await new Promise((resolve) => server?.close(resolve))
    await emulator?.close()
    await rm(directory, { recursive: true, force: true })
  })

  it('shows the words while listening, and logs the whole recording as webm once stopped', async () => {
    const page = await chromium.context.newPage()
    const logged: string[] = []
    page.on('console', (message) => logged.push(message.text()))
    page.on('pageerror', (error) => logged.push(`pageerror: ${error.message}`))
    await page.goto(url)
    await page.locator('#dictate').click()
    await expect.poll(() => page.locator('#dictated').textContent(), { timeout: 15_000 }).toContain(phrase.text)
    await page.locator('#stop').click()
    await expect.poll(() => logged.find((line) => line.startsWith('recorded ')), { timeout: 10_000 }).toMatch(/^recorded dictation\.webm \d+ bytes$/)
    expect(logged.filter((line) => line.startsWith('pageerror') || line.startsWith('gap'))).toEqual([])
    const uploads = emulator.requests.filter((request) => request.method === 'POST')
    expect(uploads.length).toBeGreaterThan(0)
    // Sent as a piece of its own; `stream` is not sent to a LiteLLM proxy, which answers transcriptions whole.
    expect(uploads[0]).toMatchObject({ path: '/v1/audio/transcriptions', fields: { model: 'gpt-4o-transcribe' }, file: { filename: expect.stringMatching(/^dictation-\d+\.wav$/) } })
    await page.close()
  })
})
