import { Children } from './child-process.ts'
import { pinThisProcess } from './cpu-pinning.ts'
import { geminiWavTable } from './gemini-wav.ts'
import { loadCore } from './load.ts'
import { machineTable } from './machine.ts'
import { overheadTable } from './overhead.ts'
import { playgroundSizeTable } from './playground-size.ts'
import { ROOT } from './paths.ts'
import { RESULTS_FILE, writeResults } from './report.ts'
import { sizeTables } from './size.ts'
import { dictationTable } from './dictation.ts'
import { speakStreamTable } from './speak-stream.ts'
import { firstByteTable, streamToFileTable } from './streaming.ts'
import { renderTable, type Table } from './table.ts'
import { uploadTable } from './upload.ts'

// `npm run bench` runs every table and writes RESULTS.md; `npm run bench -- size upload` runs
// only those (and writes nothing).
const SECTIONS = ['size', 'overhead', 'streaming', 'upload', 'gemini', 'speak-stream', 'dictation'] as const
type Section = (typeof SECTIONS)[number]
const asked = process.argv.slice(2).filter((name): name is Section => (SECTIONS as readonly string[]).includes(name))
const selected = new Set<Section>(asked.length ? asked : SECTIONS)

pinThisProcess()
const startedAt = performance.now()
const tables: Table[] = []
const show = (table: Table) => {
  tables.push(table)
  console.log(renderTable(table))
}
let failures = 0

/** A section that throws is reported as a table and the others still run. */
async function section(name: Section, make: () => Promise<Table | Table[]>): Promise<void> {
  if (!selected.has(name)) return
  const sectionStartedAt = performance.now()
  try {
    const made = await make()
    for (const table of Array.isArray(made) ? made : [made]) show(table)
  } catch (error) {
    failures++
    show({ title: `${name}: failed`, columns: ['error'], rows: [[error instanceof Error ? error.message : String(error)]] })
  }
  console.log(`(${name}: ${((performance.now() - sectionStartedAt) / 1000).toFixed(1)} s)\n`)
}

show(machineTable())
await section('size', sizeTables)
await section('size', playgroundSizeTable)
await section('dictation', dictationTable)
const needsServer = [...selected].some((name) => name !== 'size' && name !== 'dictation')
if (needsServer) {
  const dist = `${ROOT}/dist`
  const core = await loadCore()
  const children = await Children.compile()
  const server = await children.startServer()
  try {
    await section('overhead', () => overheadTable(core, server.url))
    await section('streaming', async () => [await firstByteTable(core, server.url), await streamToFileTable(children, server.url, dist)])
    await section('upload', () => uploadTable(children, server.url, dist))
    await section('gemini', () => geminiWavTable(core, server.url))
    await section('speak-stream', () => speakStreamTable(core))
  } finally {
    await server.stop()
    await children.dispose()
  }
}

const seconds = (performance.now() - startedAt) / 1000
if (selected.size === SECTIONS.length) {
  await writeResults(tables, seconds)
  console.log(`Wrote ${RESULTS_FILE}`)
}
console.log(`Bench done in ${seconds.toFixed(0)} s${failures ? `, ${failures} section(s) failed` : ''}.`)
process.exitCode = failures ? 1 : 0
