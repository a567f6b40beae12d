import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Children } from './child-process.ts'
import type { ChildFigures } from './children/measure.ts'
import type { StreamToFileInput } from './children/stream-to-file.ts'
import { firstByteCalls } from './contenders.ts'
import type { VoxfetchCore } from './load.ts'
import { BIG_BODY_BYTES, DRIP } from './servers.ts'
import { collectGarbage, median, now, rotate } from './stats.ts'
import { MB, mb, ms, rate, ratio, type Table, verdict } from './table.ts'

const FIRST_BYTE_ROUNDS = 15
/** The buffering calls take the whole 2 s each: they run in every 5th round only. */
const BUFFERED_EVERY = 5
const FIRST_BYTE_TARGET_MS = DRIP.intervalMs
const STREAM_TO_FILE_ROUNDS = 2
const RSS_TARGET = 80 * MB

/** Table 3a: how soon the caller holds audio while the server is still speaking. */
export async function firstByteTable(core: VoxfetchCore, serverURL: string): Promise<Table> {
  const calls = firstByteCalls(core, `${serverURL}/drip`)
  const names = Object.keys(calls) as Array<keyof typeof calls>
  const streams = (name: string) => name.includes('reader')
  for (const name of names) if (streams(name)) await calls[name]() // JIT warm-up
  // Per contender: the round it ran in → its time, so ratios pair rounds.
  const times = new Map<string, Map<number, number>>(names.map((name) => [name, new Map()]))
  for (let round = 0; round < FIRST_BYTE_ROUNDS; round++) {
    for (const name of rotate(names, round)) {
      if (!streams(name) && round % BUFFERED_EVERY !== 0) continue
      collectGarbage()
      const startedAt = now()
      await calls[name]()
      times.get(name)!.set(round, now() - startedAt)
    }
  }
  const raw = times.get('raw fetch (body reader)')!
  const rows = names.map((name) => {
    const own = times.get(name)!
    const typical = median([...own.values()])
    const judged = name.startsWith('voxfetch')
    return [
      name,
      ms(typical),
      ratio(median([...own].map(([round, elapsed]) => elapsed / raw.get(round)!))),
      judged ? `< ${FIRST_BYTE_TARGET_MS} ms (before the 2nd chunk)` : '—',
      judged ? verdict(typical < FIRST_BYTE_TARGET_MS) : '',
    ]
  })
  return {
    title: `3a. Time to the first audio byte: the server sends ${DRIP.chunkBytes / 1024} KB at once, then every ${DRIP.intervalMs} ms for ${DRIP.durationMs / 1000} s`,
    columns: ['client (idiomatic call)', 'first byte in hand (median)', '× raw fetch', 'target', 'verdict'],
    rows,
    notes: [
      `Medians of ${FIRST_BYTE_ROUNDS} rounds (the buffering calls: ${Math.ceil(FIRST_BYTE_ROUNDS / BUFFERED_EVERY)}), contenders interleaved. Readers cancel after the first chunk; the buffering calls wait for the whole ${DRIP.durationMs / 1000} s answer.`,
      'The ratio is small-number arithmetic (a few ms each): the verdict is whether audio arrives before the server’s second chunk, i.e. nothing is buffered.',
    ],
  }
}

/** Table 3b: peak memory while a 1 GiB speech answer is written to disk, measured in child processes. */
export async function streamToFileTable(children: Children, serverURL: string, dist: string): Promise<Table> {
  const variants: Array<StreamToFileInput['variant']> = ['node:http', 'raw fetch', 'voxfetch']
  const results = new Map<string, ChildFigures[]>()
  for (let round = 0; round < STREAM_TO_FILE_ROUNDS; round++) {
    for (const variant of rotate(variants, round)) {
      const path = join(tmpdir(), `voxfetch-bench-${process.pid}-${round}.mp3`)
      const figures = await children.run<ChildFigures>('stream-to-file', { variant, baseURL: `${serverURL}/big`, dist, path } satisfies StreamToFileInput)
      if (figures.bytes !== BIG_BODY_BYTES) throw new Error(`${variant} wrote ${figures.bytes} bytes`)
      results.set(variant, [...(results.get(variant) ?? []), figures])
    }
  }
  const peak = (variant: string) => Math.max(...results.get(variant)!.map((figures) => figures.peakRss))
  const rows = variants.map((variant) => {
    const runs = results.get(variant)!
    const judged = variant === 'voxfetch'
    return [
      variant === 'voxfetch' ? 'voxfetch: streamToFile(await client.speech(…))' : variant === 'raw fetch' ? 'raw fetch: pipeline(Readable.fromWeb(body), file)' : 'node:http: pipeline(response, file)',
      mb(median(runs.map((figures) => figures.baselineRss))),
      mb(peak(variant)),
      ratio(peak(variant) / peak('raw fetch')),
      rate(median(runs.map((figures) => figures.bytes / figures.seconds))),
      judged ? `peak ≤ ${mb(RSS_TARGET)}` : '—',
      judged ? verdict(peak(variant) <= RSS_TARGET) : '',
    ]
  })
  return {
    title: '3b. Peak RSS streaming a 1 GiB speech answer to a file (child process, server elsewhere)',
    columns: ['client', 'baseline RSS', 'peak RSS (max)', '× raw fetch', 'throughput (median)', 'target', 'verdict'],
    rows,
    notes: [
      `Peak RSS (VmHWM; maxRSS off Linux) in a fresh child per run, ${STREAM_TO_FILE_ROUNDS} runs each; baseline = peak after loading the modules, before the request.`,
      'node:http is the floor Node’s own network stack sets with no fetch and no web streams.',
    ],
  }
}
