import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import { type Emulator, startEmulator } from '../emulator/index.ts'
import { launchChromium, type LaunchedChromium } from './chromium.ts'
import { trackPageErrors } from './page-errors.ts'

/**
 * A page made of one script, bundled from the library's sources with esbuild and served from its
 * own origin (the emulator, another origin, answers with CORS), a fresh emulator per file and one
 * headless Chromium. Pages close after each test, which fails if a page threw.
 */
export function useTestPage(script: string, options: { chromiumArgs?: () => Promise<string[]> } = {}) {
  let emulator: Emulator
  let server: Server
  let url: string
  let chromium: LaunchedChromium
  const pages = trackPageErrors()

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [fileURLToPath(new URL(`./pages/${script}`, import.meta.url))],
      bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'warning',
    })
    const code = bundle.outputFiles[0]!.text
    server = createServer((request, response) => {
      if (request.url === '/page.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' })
        return response.end(code)
      }
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end('<!doctype html><meta charset="utf-8"><title>voxfetch test page</title><button id="gesture">go</button><script type="module" src="/page.js"></script>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    emulator = await startEmulator()
    chromium = await launchChromium(inject('chromiumEndpoint'), await options.chromiumArgs?.())
    await chromium.context.grantPermissions(['microphone'], { origin: url.slice(0, -1) })
  })
  afterAll(async () => {
    await chromium?.close()
    await new Promise((resolve) => server?.close(resolve))
    await emulator?.close()
  })
  beforeEach(() => emulator.reset())
  afterEach(() => pages.closeAll())

  return {
    get emulator() {
      return emulator
    },
    /** Opens the page once its script has run (it sets `window.ready`). */
    async open(): Promise<Page> {
      const page = pages.track(await chromium.context.newPage())
      await page.goto(url)
      await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true)
      return page
    },
  }
}
