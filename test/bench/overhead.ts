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
      'Where the time went (issue 24, CPU profiles and side-by-side runs in one process): voxfetch’s own code costs ~16 µs a call (against a fetch that answers at once: 48 µs against 32). Before, at 1.09× raw fetch / 1.26× the floor (RESULTS.md run, load 0.4–2.2), an await before the send (plan() is synchronous for the always-loaded adapters) let the last answer’s clean-up in undici run before the next request went out instead of while the server worked: removing it took a side-by-side run from 1.27× to 1.11× raw fetch. After: 1.00× raw fetch, 1.13× the floor (issue 24 run, load 2.5–3.1).',
      'What stands between voxfetch and 0.92×: the call’s AbortSignal, which undici follows per request with a WeakRef, a FinalizationRegistry entry and an abort listener (raw fetch with redirect: \'error\', a signal and a timer alone measured 1.07–1.09× the floor, ~0.89× raw fetch); ofetch’s Headers copy (a direct fetch measured 0–8 % less, within the noise); the body read by a reader for sniffing (~4 %). The signal cannot go: it is how a timeout or an abort stops the request.',
      "Raw fetch is called as apps call it (redirects followed, so undici copies the request and tees its body in case it must resend it). voxfetch sends with redirect: 'error' through Node's own fetch and handles a redirect itself; the \"raw fetch, redirect: 'error'\" row shows what that mode alone is worth.",
    ],
  }
}
