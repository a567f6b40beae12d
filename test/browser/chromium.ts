import { accessSync, constants } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

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

/** Headless Chromium with a fresh profile, removed again on close; `extraArgs` add flags (e.g. a fake microphone's file). */
export async function launchChromium(extraArgs: string[] = []): Promise<LaunchedChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'voxfetch-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    headless: true,
    args: [...ARGS, ...extraArgs],
    viewport: { width: 1280, height: 900 },
  })
  return {
    context,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}
