import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BENCH_DIR } from './paths.ts'
import { renderTable, type Table } from './table.ts'

export const RESULTS_FILE = join(BENCH_DIR, 'RESULTS.md')

/** RESULTS.md: every table of a full run, as printed. */
export async function writeResults(tables: Table[], seconds: number): Promise<void> {
  const text = [
    '# voxfetch benchmarks',
    '',
    `Written by \`npm run bench\` (test/bench/run.ts) on ${new Date().toISOString().slice(0, 10)}, in ${seconds.toFixed(0)} s. ` +
      'Every ratio compares contenders measured side by side in the same run, on the machine below; ' +
      'absolute times depend on the machine, the ratios much less. PASS / MISS compares a figure with its target.',
    '',
    ...tables.map(renderTable),
  ].join('\n')
  await writeFile(RESULTS_FILE, text)
}
