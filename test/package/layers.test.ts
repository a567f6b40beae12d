import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cruise, type ICruiseResult, type IModule } from 'dependency-cruiser'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../bench/paths.ts'

// The layer rules (ARCHITECTURE.md) live in .dependency-cruiser.cjs; `npm run lint:layers` runs
// them on the tree. These tests show the rules hold here, keep the walk short, and that each rule
// refuses what it names.
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs'))
const MAX_CHAIN = 10

async function cruiseTree(cwd: string, roots: string[]): Promise<ICruiseResult> {
  const previous = process.cwd()
  process.chdir(cwd)
  try {
    const { output } = await cruise(roots, { ruleSet: { forbidden: config.forbidden }, ...config.options, validate: true })
    return output as ICruiseResult
  } finally {
    process.chdir(previous)
  }
}

/** The longest chain of static imports from `root` (dynamic `import()` starts a chunk of its own). */
function longestChain(modules: IModule[], root: string): string[] {
  const edges = new Map(modules.map((module) => [
    module.source,
    module.dependencies.filter((dependency) => !dependency.dynamic && dependency.resolved.startsWith('src/')).map((dependency) => dependency.resolved),
  ]))
  const memo = new Map<string, string[]>()
  const walk = (file: string): string[] => {
    const known = memo.get(file)
    if (known) return known
    let best = [file]
    for (const next of edges.get(file) ?? []) {
      const chain = [file, ...walk(next)]
      if (chain.length > best.length) best = chain
    }
    memo.set(file, best)
    return best
  }
  return walk(root)
}

describe('the house', () => {
  it('keeps every layer rule, with no import cycle, and a short walk from the entry', async () => {
    const result = await cruiseTree(ROOT, ['src', 'react'])
    expect(result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)).toEqual([])
    const chain = longestChain(result.modules, 'src/index.ts')
    console.info(`longest import chain from src/index.ts: ${chain.length} files (${chain.join(' → ')})`)
    expect(chain.length).toBeLessThanOrEqual(MAX_CHAIN)
  })

  it('keeps src/ root to the entry and the client', async () => {
    const result = await cruiseTree(ROOT, ['src'])
    const loose = result.modules.map((module) => module.source).filter((path) => /^src\/[^/]+$/.test(path))
    expect(loose.sort()).toEqual(['src/client.ts', 'src/index.ts'])
  })

  describe('each rule refuses what it names', () => {
    let dir: string | undefined
    afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined))

    it('fails on a cycle, an upward import, a provider that sends, a capability importing another, and react reaching past the entries', async () => {
      dir = await mkdtemp(join(tmpdir(), 'voxfetch-layers-'))
      const files: Record<string, string> = {
        'src/index.ts': `export * from './client.ts'`,
        'src/client.ts': `export { speak } from './speech/create.ts'`,
        'src/speech/create.ts': `import { listen } from '../transcription/create.ts'\nexport const speak = () => listen()`,
        'src/transcription/create.ts': `export const listen = () => 1`,
        'src/transport/send.ts': `import { speak } from '../speech/create.ts'\nexport const send = () => speak()`,
        'src/util/a.ts': `import { b } from './b.ts'\nexport const a = () => b()`,
        'src/util/b.ts': `import { a } from './a.ts'\nexport const b = (): number => a()`,
        'src/providers/openai.ts': `import { send } from '../transport/send.ts'\nexport const build = () => send()`,
        'react/use-speech.ts': `import { send } from '../src/transport/send.ts'\nexport const useSpeech = () => send()`,
      }
      for (const [path, code] of Object.entries(files)) {
        await mkdir(dirname(join(dir, path)), { recursive: true })
        await writeFile(join(dir, path), `${code}\n`)
      }
      const result = await cruiseTree(dir, ['src', 'react'])
      const broken = new Set(result.summary.violations.map((violation) => violation.rule.name))
      expect([...broken].sort()).toEqual([
        'layer-transport',
        'no-circular',
        'providers-never-send',
        'react-uses-public-entries',
        'speech-stands-alone',
      ].sort())
    })
  })
})
