import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Children } from './child-process.ts'
import type { ChildFigures } from './children/measure.ts'
import type { UploadInput, UploadVariant } from './children/upload.ts'
import { median, rotate } from './stats.ts'
import { MB, mb, rate, ratio, type Table, verdict } from './table.ts'

const FILE_BYTES = 1024 ** 3
const ROUNDS = 3
const RSS_TARGET = 150 * MB
const THROUGHPUT_TARGET = 0.9

/** Table 4: peak memory and throughput uploading a 1 GiB file from disk for transcription. */
export async function uploadTable(children: Children, serverURL: string, dist: string): Promise<Table> {
  const path = join(tmpdir(), `voxfetch-bench-${process.pid}-upload.mp3`)
  await writeFile(path, FILE_BYTES)
  try {
    const timed: UploadVariant[] = ['raw fetch', 'voxfetch', 'voxfetch + onUploadProgress']
    const results = new Map<UploadVariant, ChildFigures[]>()
    const run = async (variant: UploadVariant) => {
      const figures = await children.run<ChildFigures>('upload', { variant, baseURL: `${serverURL}/sink`, dist, path } satisfies UploadInput)
      results.set(variant, [...(results.get(variant) ?? []), figures])
    }
    for (let round = 0; round < ROUNDS; round++) for (const variant of rotate(timed, round)) await run(variant)
    // For reference only, once: the SDK's documented Node upload (a read stream).
    await run('openai')

    const throughput = (variant: UploadVariant) => median(results.get(variant)!.map((figures) => figures.bytes / figures.seconds))
    const peak = (variant: UploadVariant) => Math.max(...results.get(variant)!.map((figures) => figures.peakRss))
    const rows = [...timed, 'openai' as const].map((variant) => {
      const runs = results.get(variant)!
      const judged = variant.startsWith('voxfetch')
      const speed = throughput(variant) / throughput('raw fetch')
      return [
        label(variant),
        mb(median(runs.map((figures) => figures.baselineRss))),
        mb(peak(variant)),
        rate(throughput(variant)),
        ratio(speed),
        judged ? `RSS ≤ ${mb(RSS_TARGET)}, ≥ ${THROUGHPUT_TARGET}× raw fetch` : '—',
        judged ? `${verdict(peak(variant) <= RSS_TARGET)} / ${verdict(speed >= THROUGHPUT_TARGET)}` : '',
      ]
    })
    return {
      title: '4. Uploading a 1 GiB file from disk for transcription (child process, server reads and discards)',
      columns: ['client', 'baseline RSS', 'peak RSS (max)', 'throughput (median)', '× raw fetch', 'target', 'verdict (RSS / speed)'],
      rows,
      notes: [
        `A fresh child per run, ${ROUNDS} runs of each judged client interleaved (openai once, for reference); throughput counts the file's bytes from the call to the parsed answer.`,
        'raw fetch sends the same multipart bytes as voxfetch, as one Blob over fs.openAsBlob, with fetch’s defaults.',
      ],
    }
  } finally {
    await rm(path, { force: true })
  }
}

function label(variant: UploadVariant): string {
  switch (variant) {
    case 'raw fetch': return 'raw fetch: Blob([head, openAsBlob(path), tail])'
    case 'voxfetch': return 'voxfetch: transcription({ file: await fileFromPath(path) })'
    case 'voxfetch + onUploadProgress': return 'voxfetch + onUploadProgress (streamed body)'
    case 'openai': return 'openai: transcriptions.create({ file: createReadStream(path) })'
  }
}

/** A file of `size` bytes that compresses like audio does not: varied bytes, written in 1 MiB blocks. */
async function writeFile(path: string, size: number): Promise<void> {
  const block = Buffer.alloc(MB)
  for (let index = 0; index < block.length; index++) block[index] = (index * 2_654_435_761) >>> 24
  await pipeline(function* () {
    for (let written = 0; written < size; written += block.length) yield block
  }, createWriteStream(path))
}
