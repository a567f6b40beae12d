import { accessSync, constants } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type BrowserServer } from 'playwright-core'

/** The Chromium the suite drives; never downloaded. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // A synthetic microphone (a beep), granted without a prompt, for the recording test.
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
]

/** Why the browser suite cannot run on this machine, or `undefined` when it can. */
export function chromiumMissing(): string | undefined {
  try {
    accessSync(CHROME_PATH, constants.X_OK)
    return undefined
  } catch (error) {
    return `no executable Chromium at ${CHROME_PATH} (${(error as NodeJS.ErrnoException).code}); install one (apt-get install chromium) or set CHROME_PATH`
  }
}

export interface LaunchedChromium {
  context: BrowserContext
  close(): Promise<void>
}

const LAUNCH = { executablePath: CHROME_PATH, headless: true, args: ARGS }
const VIEWPORT = { width: 1280, height: 900 }

/**
 * One Chromium for a whole test run (started by the browser suite's global setup): each test file
 * connects to it and works in a browser context of its own, which shares no cookies, storage,
 * permissions or init scripts with another file's.
 */
export function launchSharedChromium(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH)
}

/**
 * A fresh browser context: in the run's shared Chromium when `wsEndpoint` names it (the browser
 * suite), else in a Chromium of its own with a fresh profile, removed again on close (scripts).
 * `extraArgs` are launch flags (a fake microphone's file): they need a Chromium of their own.
 */
export async function launchChromium(wsEndpoint?: string, extraArgs: string[] = []): Promise<LaunchedChromium> {
  if (wsEndpoint && extraArgs.length === 0) {
    const browser = await chromium.connect(wsEndpoint)
    const context = await browser.newContext({ viewport: VIEWPORT })
    return {
      context,
      async close() {
        await context.close()
        await browser.close()
      },
    }
  }
  const profile = await mkdtemp(join(tmpdir(), 'voxfetch-chromium-'))
  const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, args: [...ARGS, ...extraArgs], viewport: VIEWPORT })
  return {
    context,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
