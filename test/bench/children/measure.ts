/** Peak resident memory of this process so far, in bytes (`maxRSS` is in KiB). */
export const peakRss = (): number => process.resourceUsage().maxRSS * 1024

export interface ChildFigures {
  /** Peak RSS once the modules are loaded, before the measured work. */
  baselineRss: number
  /** Peak RSS after the measured work. */
  peakRss: number
  seconds: number
  bytes: number
}

/** The child's input is one JSON argument; its result is one JSON line on stdout. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T
}

export async function measured(work: () => Promise<number>): Promise<void> {
  const baselineRss = peakRss()
  const startedAt = performance.now()
  const bytes = await work()
  const seconds = (performance.now() - startedAt) / 1000
  const figures: ChildFigures = { baselineRss, peakRss: peakRss(), seconds, bytes }
  process.stdout.write(`${JSON.stringify(figures)}\n`)
}
