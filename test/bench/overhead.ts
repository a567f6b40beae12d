import { speechCalls } from './contenders.ts'
import type { VoxfetchCore } from './load.ts'
import { loadAverage } from './machine.ts'
import { SMALL_AUDIO_BYTES } from './servers.ts'
import { collectGarbage, median, now, rotate } from './stats.ts'
import { ms, ratio, type Table, us, verdict } from './table.ts'

const REQUESTS = 100
const ROUNDS = 21
const WARMUP_ROUNDS = 2
// Issue 24: sequential ≤ the redirect: 'error' floor (~0.87× raw fetch) + 5 %.
const TARGET = { sequential: 0.92, concurrent: 1.1 } as const
const FLOOR = "raw fetch, redirect: 'error'"

type Mode = 'sequential' | 'concurrent'

/** Table 2: N small speech requests one after another and all at once, against raw fetch. */
export async function overheadTable(core: VoxfetchCore, serverURL: string): Promise<Table> {
  const calls = speechCalls(core, `${serverURL}/small`)
  const names = Object.keys(calls) as Array<keyof typeof calls>
  for (const name of names) {
    const audio = await calls[name]()
    if (audio.byteLength !== SMALL_AUDIO_BYTES) throw new Error(`${name} returned ${audio.byteLength} bytes`)
  }
  const loadBefore = loadAverage()
  const times = { sequential: new Map<string, number[]>(), concurrent: new Map<string, number[]>() }
  const run: Record<Mode, (call: () => Promise<unknown>) => Promise<unknown>> = {
    async sequential(call) {
      for (let index = 0; index < REQUESTS; index++) await call()
    },
    concurrent: (call) => Promise.all(Array.from({ length: REQUESTS }, call)),
  }
  for (let round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
    for (const mode of ['sequential', 'concurrent'] as const) {
      for (const name of rotate(names, round + WARMUP_ROUNDS)) {
        collectGarbage()
        const startedAt = now()
        await run[mode](calls[name])
        const elapsed = now() - startedAt
        if (round >= 0) times[mode].set(name, [...(times[mode].get(name) ?? []), elapsed])
      }
    }
  }
  // The ratio of each round (contender ÷ raw fetch in the same round), then the median of those.
  const ratioTo = (mode: Mode, name: string, reference = 'raw fetch') => {
    const own = times[mode].get(name)!
    const raw = times[mode].get(reference)!
    return median(own.map((elapsed, round) => elapsed / raw[round]!))
  }
  const rows = names.map((name) => {
    const sequential = ratioTo('sequential', name)
    const concurrent = ratioTo('concurrent', name)
    const judged = name === 'voxfetch'
    return [
      name,
      us(median(times.sequential.get(name)!) / REQUESTS),
      ratio(sequential),
      ms(median(times.concurrent.get(name)!)),
      ratio(concurrent),
      judged ? `${ratio(ratioTo('sequential', name, FLOOR))} / ${ratio(ratioTo('concurrent', name, FLOOR))}` : '',
      judged ? `≤ ${TARGET.sequential}× / ≤ ${TARGET.concurrent}× raw fetch` : '—',
      judged ? `${verdict(sequential <= TARGET.sequential)} / ${verdict(concurrent <= TARGET.concurrent)}` : '',
    ]
  })
  return {
    title: `2. Request overhead: ${REQUESTS} speech requests (4 KB of audio each) on loopback, against raw fetch, ofetch alone and the SDKs`,
    columns: ['client', 'sequential, per request', '× raw fetch', `concurrent, ${REQUESTS} at once`, '× raw fetch', "× the redirect: 'error' floor (seq / conc)", 'target (seq / conc)', 'verdict (seq / conc)'],
    rows,
    notes: [
      `Medians of ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up rounds; the ratios are medians of per-round ratios, the contenders in a different order each round.`,
      'Each call sends the same JSON body and reads the whole audio into bytes; the server runs in its own process.',
      `Load average before / after: ${loadBefore}; ${loadAverage()}.`,
      "Raw fetch is called as apps call it (redirects followed, so undici copies the request and tees its body in case it must resend it). voxfetch sends with redirect: 'error' through Node's own fetch and handles a redirect itself; the \"raw fetch, redirect: 'error'\" row shows what that mode alone is worth.",
    ],
  }
}
