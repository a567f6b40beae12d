import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { join } from 'node:path'
import { pinningDescription } from './cpu-pinning.ts'
import { ROOT } from './paths.ts'
import type { Table } from './table.ts'

const PACKAGES = ['openai', 'ai', '@ai-sdk/openai', 'ofetch', 'zod', 'react', 'esbuild']

const versionOf = (name: string): string => {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return 'not installed'
  }
}

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${hash} + uncommitted changes` : hash
  } catch {
    return 'unknown'
  }
}

/** What the figures were measured on and against. */
export function machineTable(): Table {
  const cpu = cpus()
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  return {
    title: 'Machine and versions',
    columns: ['', ''],
    rows: [
      ['CPU', `${cpu[0]?.model.trim() ?? 'unknown'} × ${cpu.length} cores`],
      ['CPU pinning', pinningDescription()],
      ['memory', `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`],
      ['OS', `${process.platform} ${release()} (${process.arch})`],
      ['Node', process.version],
      ['voxfetch', `${own.version} (${commit()})`],
      ...PACKAGES.map((name) => [name, versionOf(name)]),
    ],
  }
}

/**
 * The machine is shared: other work running beside the bench shifts absolute figures (and GC
 * timing), so each table says what the load was while it ran.
 */
export function loadAverage(): string {
  return `${loadavg().map((load) => load.toFixed(2)).join(' / ')} (1 / 5 / 15 min, ${cpus().length} cores)`
}
