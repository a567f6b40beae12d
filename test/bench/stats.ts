import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * The contenders in a different order each round, so drift (a peer's test run, a GC, thermal
 * throttling) falls on every contender alike rather than on whoever runs last.
 */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length
  const rotated = [...items.slice(shift), ...items.slice(0, shift)]
  return round % 2 ? rotated.reverse() : rotated
}

export const now = (): number => performance.now()

// `npm run bench` passes no node flags, so `gc` is reached the documented V8 way: a collection
// between measurements keeps one contender's garbage from being billed to the next.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

export function collectGarbage(): void {
  gc()
}
