import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest'
import { emulatorInfo } from '../../playground/server/models.ts'
import { startPlaygroundServer, type PlaygroundServer } from '../../playground/server/server.ts'
import { emulatorUpstream } from '../../playground/server/upstreams.ts'
import { DEFAULT_CONFIG, type Emulator, startEmulator } from '../emulator/index.ts'
import { chromiumMissing, launchChromium, type LaunchedChromium } from './chromium.ts'
import { trackPageErrors } from './page-errors.ts'

const missing = chromiumMissing()
if (missing) console.warn(`\n⚠ voxfetch browser tests SKIPPED: ${missing}\n`)

/** `describe`, skipped (loudly, above) where there is no Chromium. */
export const describeInChromium = missing ? describe.skip : describe

/** Counts object URLs in every page, so tests can check that each one made is revoked. */
function countObjectURLs() {
  const live = new Set<string>()
  const counts = { created: 0, revoked: 0, live }
  ;(window as unknown as { __objectURLs: typeof counts }).__objectURLs = counts
  const create = URL.createObjectURL.bind(URL)
  const revoke = URL.revokeObjectURL.bind(URL)
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = create(object)
    counts.created++
    live.add(url)
    return url
  }
  URL.revokeObjectURL = (url: string) => {
    if (live.delete(url)) counts.revoked++
    revoke(url)
  }
}

/**
 * The built playground served the way `npm start` serves it (one origin, the emulator's API
 * forwarded), a fresh emulator per file, and one headless Chromium. Pages close after each test,
 * which fails if a page threw.
 */
export function usePlayground(options: { chromiumArgs?: () => Promise<string[]> } = {}) {
  let emulator: Emulator
  let server: PlaygroundServer
  let chromium: LaunchedChromium
  const pages = trackPageErrors()

  beforeAll(async () => {
    emulator = await startEmulator()
    server = await startPlaygroundServer({
      upstream: emulatorUpstream(emulator),
      pages: { dir: inject('playgroundDir') },
      info: () => emulatorInfo(DEFAULT_CONFIG),
    })
    chromium = await launchChromium(inject('chromiumEndpoint'), await options.chromiumArgs?.())
    await chromium.context.addInitScript(countObjectURLs)
    await chromium.context.grantPermissions(['microphone'], { origin: server.url })
  })
  afterAll(async () => {
    await chromium?.close()
    await server?.close()
    await emulator?.close()
  })
  beforeEach(() => emulator.reset())
  afterEach(() => pages.closeAll())

  return {
    get emulator() {
      return emulator
    },
    /** Opens `path` of the playground once its controls are there; `watch` sees the page before it loads. */
    async open(path: string, viewport?: { width: number; height: number }, watch?: (page: Page) => void): Promise<Page> {
      const page = pages.track(await chromium.context.newPage())
      if (viewport) await page.setViewportSize(viewport)
      watch?.(page)
      await page.goto(server.url + path)
      await page.getByTestId('speak').waitFor()
      return page
    },
  }
}

/** TEST-ONLY headers the pages add to each call (see playground/README.md). */
export function setTestHeaders(page: Page, headers: Record<string, string>): Promise<void> {
  return page.evaluate((value) => {
    ;(window as unknown as { __voxfetchTestHeaders: Record<string, string> }).__voxfetchTestHeaders = value
  }, headers)
}

/** Live, created and revoked object URLs of the page so far. */
export function objectURLCounts(page: Page): Promise<{ created: number; revoked: number; live: number }> {
  return page.evaluate(() => {
    const counts = (window as unknown as { __objectURLs: { created: number; revoked: number; live: Set<string> } }).__objectURLs
    return { created: counts.created, revoked: counts.revoked, live: counts.live.size }
  })
}

export type ProgressEvent = number | 'transcript'

/**
 * Records, in order, each value the page's upload progress bar shows and the moment a
 * transcript appears. Returns a function that reads the record so far.
 */
export async function watchUpload(page: Page): Promise<() => Promise<ProgressEvent[]>> {
  await page.evaluate(() => {
    const seen: (number | 'transcript')[] = []
    ;(window as unknown as { __uploadEvents: typeof seen }).__uploadEvents = seen
    const read = () => {
      const bar = document.querySelector('[data-testid=upload-progress]')
      const box = bar?.closest('[hidden]')
      if (bar && !box) {
        const value = Number(bar.getAttribute('aria-valuenow') ?? bar.getAttribute('value'))
        if (seen.filter((event) => event !== 'transcript').at(-1) !== value) seen.push(value)
      }
      const transcript = document.querySelector('[data-testid=transcript]')
      if (transcript?.textContent && !transcript.closest('[hidden]') && !seen.includes('transcript')) seen.push('transcript')
    }
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  return () => page.evaluate(() => (window as unknown as { __uploadEvents: (number | 'transcript')[] }).__uploadEvents.slice())
}

/** Waits for the page's `<audio>` to hold a playable blob: URL; returns its URL and duration. */
export async function loadedAudio(page: Page, previousURL?: string): Promise<{ src: string; duration: number }> {
  const handle = await page.waitForFunction((previous) => {
    const audio = document.querySelector<HTMLAudioElement>('[data-testid=speech-audio]')
    if (!audio || !audio.src || audio.src === previous || audio.readyState < HTMLMediaElement.HAVE_METADATA) return undefined
    return { src: audio.src, duration: audio.duration }
  }, previousURL, { timeout: 30_000 }) // a busy machine's first synthesis takes seconds
  return (await handle.jsonValue()) as { src: string; duration: number }
}
