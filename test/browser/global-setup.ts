import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { chromiumMissing } from './chromium.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built playground, or '' when there is no Chromium to test it with. */
    playgroundDir: string
  }
}

let outDir: string | undefined

/**
 * Builds the playground once per run, into a directory of its own, so a run never serves files
 * that a concurrent run (or `npm run playground:build`) is replacing.
 */
export async function setup(project: TestProject): Promise<void> {
  if (chromiumMissing()) return project.provide('playgroundDir', '')
  const { build } = await import('vite')
  outDir = await mkdtemp(join(tmpdir(), 'voxfetch-playground-'))
  await build({
    configFile: fileURLToPath(new URL('../../playground/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
  project.provide('playgroundDir', outDir)
}

export async function teardown(): Promise<void> {
  if (outDir) await rm(outDir, { recursive: true, force: true })
}
