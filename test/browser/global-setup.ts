import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import type { BrowserServer } from 'playwright-core'
import { chromiumMissing, launchSharedChromium } from './chromium.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built playground, or '' when there is no Chromium to test it with. */
    playgroundDir: string
    /** The run's one Chromium, which each file connects to (see `launchChromium`), or ''. */
    chromiumEndpoint: string
  }
}

let outDir: string | undefined
let browser: BrowserServer | undefined

/**
 * Builds the playground once per run, into a directory of its own, so a run never serves files
 * that a concurrent run (or `npm run playground:build`) is replacing; starts the run's Chromium
 * meanwhile.
 */
export async function setup(project: TestProject): Promise<void> {
  if (chromiumMissing()) {
    project.provide('chromiumEndpoint', '')
    return project.provide('playgroundDir', '')
  }
  const launched = launchSharedChromium()
  const { build } = await import('vite')
  outDir = await mkdtemp(join(tmpdir(), 'voxfetch-playground-'))
  await build({
    configFile: fileURLToPath(new URL('../../playground/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
  browser = await launched
  project.provide('chromiumEndpoint', browser.wsEndpoint())
  project.provide('playgroundDir', outDir)
}

export async function teardown(): Promise<void> {
  await browser?.close()
  if (outDir) await rm(outDir, { recursive: true, force: true })
}
