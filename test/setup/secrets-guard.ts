import { inspect } from 'node:util'
import { afterEach, expect } from 'vitest'
import { AZURE_ENTRA_TOKEN_PREFIX, TEST_KEYS } from '../emulator/keys.ts'

// Every test file runs with this: whatever reaches the console must not contain a test key or
// token. The test keys are distinctive strings, so a plain substring scan finds any leak.
// Files that share a worker (isolate: false) run this again each: the console is wrapped once.
const secrets = [...Object.values(TEST_KEYS), AZURE_ENTRA_TOKEN_PREFIX]
const shared = globalThis as { voxfetchConsoleLeaks?: string[] }
const leaks: string[] = shared.voxfetchConsoleLeaks ?? wrapConsole((shared.voxfetchConsoleLeaks = []))

function wrapConsole(leaks: string[]): string[] {
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[method].bind(console)
    console[method] = (...args: unknown[]) => {
      const text = args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 6 }))).join(' ')
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`console.${method}: …${secret.slice(0, 12)}…`)
      original(...args)
    }
  }
  return leaks
}

afterEach(() => {
  expect(leaks.splice(0), 'a key or token reached the console').toEqual([])
})
