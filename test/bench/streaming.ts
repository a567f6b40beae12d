import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Children } from './child-process.ts'
import type { ChildFigures } from './children/measure.ts'
import type { StreamToFileInput } from './children/stream-to-file.ts'
import { firstByteCalls } from './contenders.ts'
import type { VoxfetchCore } from './load.ts'
import { loadAverage } from './machine.ts'
import { BIG_BODY_BYTES, DRIP } from './servers.ts'
import { collectGarbage, median, now, rotate } from './stats.ts'
import { MB, mb, ms, rate, ratio, type Table, verdict } from './table.ts'

const FIRST_BYTE_ROUNDS = 15
/** The buffering calls take the whole 2 s each: they run in every 5th round only. */
const BUFFERED_EVERY = 5
const FIRST_BYTE_TARGET_MS = DRIP.intervalMs
const STREAM_TO_FILE_ROUNDS = 3
/** Issue 24: peak RSS ≤ 100 MB (node:http: ~84 MB), throughput ≥ 0.9× raw fetch in the same run. */
const RSS_TARGET = 100 * MB
const THROUGHPUT_TARGET = 0.9

const LABELS: Record<StreamToFileInput['variant'], string> = {
  'node:http': 'node:http: pipeline(response, file) (the floor)',
  'raw fetch': 'raw fetch: pipeline(Readable.fromWeb(body), file)',
  'raw fetch, voxfetch loaded': 'the same raw fetch, voxfetch’s modules loaded (not used)',
  voxfetch: 'voxfetch: streamToFile(await client.speech(…))',
}

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

/** Table 3b: peak memory and speed while a 1 GiB speech answer is written to disk, measured in child processes. */
export async function streamToFileTable(children: Children, serverURL: string, dist: string): Promise<Table> {
  const variants: Array<StreamToFileInput['variant']> = ['node:http', 'raw fetch', 'raw fetch, voxfetch loaded', 'voxfetch']
  const loadBefore = loadAverage()
  // Per variant: its figures by round, so throughput ratios pair runs of the same round.
  const results = new Map<string, ChildFigures[]>(variants.map((variant) => [variant, []]))
  for (let round = 0; round < STREAM_TO_FILE_ROUNDS; round++) {
    for (const variant of rotate(variants, round)) {
      const path = join(tmpdir(), `voxfetch-bench-${process.pid}-${round}.mp3`)
      const figures = await children.run<ChildFigures>('stream-to-file', { variant, baseURL: `${serverURL}/big`, dist, path } satisfies StreamToFileInput)
      if (figures.bytes !== BIG_BODY_BYTES) throw new Error(`${variant} wrote ${figures.bytes} bytes`)
      results.get(variant)![round] = figures
    }
  }
  const speed = (figures: ChildFigures) => figures.bytes / figures.seconds
  const peak = (variant: string) => Math.max(...results.get(variant)!.map((figures) => figures.peakRss))
  const raw = results.get('raw fetch')!
  const rows = variants.map((variant) => {
    const runs = results.get(variant)!
    const throughputRatio = median(runs.map((figures, round) => speed(figures) / speed(raw[round]!)))
    const judged = variant === 'voxfetch'
    return [
      LABELS[variant],
      mb(median(runs.map((figures) => figures.baselineRss))),
      mb(peak(variant)),
      rate(median(runs.map(speed))),
      ratio(throughputRatio),
      String(median(runs.map((figures) => figures.fullGCs))),
      judged ? `peak ≤ ${mb(RSS_TARGET)}, ≥ ${THROUGHPUT_TARGET}× raw fetch` : '—',
      judged ? `${verdict(peak(variant) <= RSS_TARGET)} / ${verdict(throughputRatio >= THROUGHPUT_TARGET)}` : '',
    ]
  })
  return {
    title: '3b. Streaming a 1 GiB speech answer to a file: peak RSS and throughput (child process, server elsewhere)',
    columns: ['client', 'baseline RSS', 'peak RSS (max)', 'throughput (median)', '× raw fetch (per round)', 'full GCs (median)', 'target', 'verdict (RSS / speed)'],
    rows,
    notes: [
      `Peak RSS (VmHWM; maxRSS off Linux) in a fresh child per run, ${STREAM_TO_FILE_ROUNDS} runs each, the variants in a different order each round; baseline = peak after loading the modules, before the request. The throughput ratio is the median of per-round ratios.`,
      'node:http is the floor Node’s own network stack sets with no fetch and no web streams.',
      'Where the time went (profile and --trace-gc of the children): the bytes cost the same in every variant (undici copies each socket chunk once); what differs is garbage collection. streamToFile used to pipe Readable.fromWeb over a ReadableStream reading 8 chunks ahead of the body reader (3 web-stream hops, an async function and ~4 promises a chunk). It now takes the body reader’s chunks straight from the SpeechResult and writes them to a file handle with one read ahead: 1 hop, 2 promises a chunk, never more than 2 chunks held.',
      'What stands between voxfetch and raw fetch is not its code but its modules’ heap: the row above runs raw fetch’s own pipeline with voxfetch merely loaded, and falls just as far (issue 24 run, load 2.5–4.2: 204 MB/s, 0.44×, 98 full GCs, against voxfetch 218 MB/s, 0.47×, 95). Node 20’s V8 counts ArrayBuffer bytes allocated since the last full GC against the old-generation limit; once the old generation is past ~8 MB (voxfetch loaded: ~9.4 MB, zod/mini alone 2.9 MB of it; bare: ~5.6 MB) and its limit was set from a small live heap, the ~10 MB of chunks undici allocates between two scavenges (each socket chunk and its copy) reach that limit first: a full GC every ~11 MB, 1.1 s of main-thread GC per GiB against 0.09 s (CPU profiles). A raw fetch child with zod/mini alone loaded, or 3 MB of plain objects, ran 105–110 full GCs; with 20 MB of objects, none.',
      'Peak RSS: raw fetch itself peaks at ~117 MB, so the 100 MB target is below what Node 20’s fetch body costs; voxfetch adds its ~17 MB of loaded modules (baseline column).',
      `Load average before / after: ${loadBefore}; ${loadAverage()}.`,
    ],
  }
}
