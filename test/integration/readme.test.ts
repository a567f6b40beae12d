import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_KEYS } from '../emulator/index.ts'
import { useEmulator } from './setup.ts'

// Every ```ts block of the README runs here against the emulator, so the examples never rot.
const root = resolve(import.meta.dirname, '../..')
const emu = useEmulator()
const readme = await readFile(join(root, 'README.md'), 'utf8')
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!)

let workdir: string
let cwd: string
beforeAll(async () => {
  workdir = await mkdtemp(join(root, 'test/.readme-'))
  cwd = process.cwd()
  process.chdir(workdir)
  vi.stubEnv('OPENAI_API_KEY', TEST_KEYS.openai)
})
afterAll(async () => {
  process.chdir(cwd)
  vi.unstubAllEnvs()
  await rm(workdir, { recursive: true, force: true })
})

function runnable(code: string): string {
  return code
    .replaceAll("from 'voxfetch/node'", `from '${join(root, 'src/node/index.ts')}'`)
    .replaceAll("from 'voxfetch'", `from '${join(root, 'src/index.ts')}'`)
    .replaceAll('http://localhost:4000', emu.emulator.url)
}

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6)
  })

  it.each(blocks.map((code, index) => [index + 1, code.split('\n').find((line) => line.includes('await')) ?? '', code]))(
    'example %i runs: %s',
    async (index, _title, code) => {
      vi.stubEnv('OPENAI_BASE_URL', `${emu.emulator.url}/openai/v1`)
      const logs: unknown[][] = []
      const log = vi.spyOn(console, 'log').mockImplementation((...args) => void logs.push(args))
      try {
        const file = join(workdir, `example-${index}.ts`)
        await writeFile(file, runnable(code as string))
        await import(file)
      } finally {
        log.mockRestore()
      }
      for (const [, expected] of (code as string).matchAll(/\/\/ (File size is too large.*)$/gm)) {
        expect(logs.flat()).toContain(expected)
      }
      if ((code as string).includes("console.log(error.field)")) expect(logs.flat()).toContain('input')
      expect(emu.emulator.requests.every((request) => !request.url.includes(TEST_KEYS.proxy))).toBe(true)
    },
  )
})
