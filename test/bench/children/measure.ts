import { readFileSync } from 'node:fs'
import { constants, PerformanceObserver } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Peak resident memory of this process so far, in bytes. On Linux from `VmHWM` in
 * /proc/self/status: `maxRSS` (getrusage) keeps the parent's peak across fork and exec, so a
 * child of a 220 MB bench process reported 220 MB whatever it did itself.
 */
export function peakRss(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    if (kib) return Number(kib) * 1024
  } catch {
    // Not Linux: getrusage is the best there is.
  }
  return process.resourceUsage().maxRSS * 1024
}

export interface ChildFigures {
  /** Peak RSS once the modules are loaded, before the measured work. */
  baselineRss: number
  /** Peak RSS after the measured work. */
  peakRss: number
  seconds: number
  bytes: number
  /** Full (mark-compact) collections during the measured work. */
  fullGCs: number
}

/** The child's input is one JSON argument; its result is one JSON line on stdout. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T
}

export async function measured(work: () => Promise<number>): Promise<void> {
  // Counted because a child whose loaded modules put its old generation past ~8 MB runs a full
  // collection every ~11 MB of a fetch body (see streaming.ts).
  let fullGCs = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullGCs++
  })
  observer.observe({ entryTypes: ['gc'] })
  const baselineRss = peakRss()
  const startedAt = performance.now()
  const bytes = await work()
  const seconds = (performance.now() - startedAt) / 1000
  await sleep(0) // GC entries are delivered on a later turn
  observer.disconnect()
  const figures: ChildFigures = { baselineRss, peakRss: peakRss(), seconds, bytes, fullGCs }
  process.stdout.write(`${JSON.stringify(figures)}\n`)
}
