import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../bench/paths.ts'

// The checks that read the whole tree or the packed package rather than run it. They run inside the
// suite, beside the files that wait on sockets and Chromium, instead of before it: `npm test` is
// the build and then Vitest. Each script stays in package.json for a run on its own.
const run = promisify(execFile)
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name)

async function passes(command: string, args: string[]): Promise<string> {
  try {
    await run(bin(command), args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })
    return ''
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string }
    return `${command} ${args.join(' ')} failed:\n${stdout}${stderr}` || message
  }
}

describe('static checks', () => {
  it('the sources, tests, hooks and playground type-check (npm run typecheck)', { timeout: 180_000 }, async () => {
    expect(await passes('tsc', ['--noEmit'])).toBe('')
  })

  it('the packed package passes publint --strict and attw (npm run lint:package)', { timeout: 120_000 }, async () => {
    expect(await passes('publint', ['--strict'])).toBe('')
    expect(await passes('attw', ['--pack', '.', '--profile', 'node16'])).toBe('')
  })
})
