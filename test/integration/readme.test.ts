import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createServiceAccount, parseWavText, TEST_KEYS } from '../emulator/index.ts'
import { blocksOf, ROOT as root, runnableExample } from '../readme-blocks.ts'
import { useEmulator } from './setup.ts'

// Every ```ts block of the READMEs runs here against the emulator, so the examples never rot;
// the ```bash blocks name only scripts that exist, and their curl lines run too.
const emu = useEmulator()
const blocks = blocksOf('ts').map((block) => block.code)
// Files the examples read: ```yaml blocks whose first line is `# <name>`.
const files = blocksOf('yaml').flatMap((block) => {
  const name = /^# (\S+)\n/.exec(block.code)
  return name ? [[name[1]!, block.code.slice(name[0].length)] as const] : []
})

// The providers' public hosts, answered by the emulator's personas instead (a test-only
// stand-in for DNS: the code under test still builds and sends the real URLs' paths).
const hosts = (url: string) => [
  ['https://api.openai.com/v1', `${url}/openai/v1`],
  ['https://generativelanguage.googleapis.com/v1beta', `${url}/gemini/v1beta`],
  ['https://texttospeech.googleapis.com', `${url}/vertex-tts`],
  ['https://us-central1-aiplatform.googleapis.com', `${url}/vertex`],
] as const

let workdir: string
let cwd: string
beforeAll(async () => {
  workdir = await mkdtemp(join(root, 'test/.readme-'))
  cwd = process.cwd()
  process.chdir(workdir)
  for (const [name, content] of files) await writeFile(join(workdir, name), content)
  const account = await createServiceAccount(emu.emulator)
  await writeFile(join(workdir, 'service-account.json'), JSON.stringify(account))
  vi.stubEnv('OPENAI_API_KEY', TEST_KEYS.openai)
  vi.stubEnv('AZURE_API_KEY', TEST_KEYS.azure)
  vi.stubEnv('GEMINI_API_KEY', TEST_KEYS.gemini)
  vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', join(workdir, 'service-account.json'))
  const platformFetch = globalThis.fetch
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    let url = input instanceof Request ? input.url : String(input)
    for (const [from, to] of hosts(emu.emulator.url)) if (url.startsWith(from)) url = to + url.slice(from.length)
    return platformFetch(url, init)
  })
})
afterAll(async () => {
  process.chdir(cwd)
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
  await rm(workdir, { recursive: true, force: true })
})

const runnable = (code: string): string => runnableExample(code, emu.emulator.url)

describe('README examples', () => {
  it('has examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8)
    expect(files.map(([name]) => name)).toContain('config.yaml')
  })

  it.each(blocks.map((code, index) => [index + 1, code.split('\n').find((line) => line.includes('await')) ?? '', code]))(
    'example %i runs: %s',
    async (index, _title, code) => {
      vi.stubEnv('AZURE_API_BASE', `${emu.emulator.url}/azure`)
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
      for (const request of emu.emulator.requests) {
        for (const key of Object.values(TEST_KEYS)) expect(request.url).not.toContain(key)
      }
    },
  )
})

describe('README shell examples', () => {
  const bash = blocksOf('bash').map((block) => block.code)

  it('name only npm scripts that exist', async () => {
    const { scripts } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    const named = bash.flatMap((code) => [...code.matchAll(/\bnpm (?:run ([\w:-]+)|(start|test))\b/g)].map((match) => match[1] ?? match[2]!))
    expect(named).toEqual(expect.arrayContaining(['start', 'test', 'bench']))
    for (const script of named) expect(scripts, script).toHaveProperty(script)
  })

  it('run their curl lines against the emulator: a WAV of the text, then its transcript', async () => {
    const curl = bash.find((code) => code.includes('curl '))!
    const commands = curl.replaceAll('http://localhost:4000', emu.emulator.url).replace(/\\\n\s*/g, '').split('\n').filter((line) => line.startsWith('curl '))
    expect(commands).toHaveLength(2)
    const run = (line: string) => {
      // The line's own arguments, quotes removed: no shell runs them.
      const args = [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3]!).slice(1)
      return promisify(execFile)('curl', ['-sS', '--fail-with-body', ...args], { cwd: workdir })
    }
    await run(commands[0]!)
    expect(parseWavText(new Uint8Array(await readFile(join(workdir, 'hello.wav'))))).toBe('Hello from curl')
    const { stdout } = await run(commands[1]!)
    expect(JSON.parse(stdout)).toMatchObject({ text: 'Hello from curl' })
  })
})
