import { raceAbort } from '../util/race-abort.ts'

/**
 * Runs `work` on each item as the items come, up to `concurrency` at once, and yields the
 * results in the items' order whatever order they finish in. It runs ahead of its reader by at
 * most `concurrency` results, so memory holds no more than that many.
 *
 * A failure is thrown once every result before it was yielded: a failed work calls `onFailure`
 * first (so the caller cancels the works after it); when the source fails, the works already
 * started still finish and are yielded.
 */
export async function* orderedPipeline<Item, Result>(
  items: AsyncIterable<Item>,
  work: (item: Item, index: number) => Promise<Result>,
  options: { concurrency: number; signal: AbortSignal; onFailure(error: unknown): void },
): AsyncGenerator<Result> {
  const { signal } = options
  const iterator = items[Symbol.asyncIterator]()
  const running: Promise<Result>[] = []
  let pulling: Promise<IteratorResult<Item>> | undefined
  let sourceDone = false
  let sourceError: { error: unknown } | undefined
  let index = 0
  const fail = (error: unknown) => {
    options.onFailure(error)
    throw error
  }
  try {
    for (;;) {
      // Pull the next item while there is room, and take a result as soon as the first is in.
      if (!sourceDone && !sourceError && running.length < options.concurrency) {
        pulling ??= iterator.next()
        const head = running[0]
        const item = pulling.then((item) => ({ item }), (error: unknown) => ({ error }))
        // An abort ends a wait at once, even one for text that has not come yet.
        const next = await raceAbort(head ? Promise.race([item, head.then(() => undefined, () => undefined)]) : item, signal)
        if (next && 'error' in next) {
          pulling = undefined
          sourceError = next
        } else if (next) {
          pulling = undefined
          if (next.item.done) sourceDone = true
          else {
            const task = work(next.item.value, index++)
            // Awaited in order below; until then a rejection must not count as unhandled.
            task.catch(() => {})
            running.push(task)
          }
        }
        if (next || !running[0]) continue
      }
      const head = running.shift()
      if (!head) {
        if (sourceError) throw sourceError.error
        return
      }
      let result: Result
      try {
        result = await raceAbort(head, signal)
      } catch (error) {
        fail(error)
      }
      yield result!
    }
  } finally {
    // Stopped early: the source is closed (a stream source is cancelled).
    if (!sourceDone && !sourceError) Promise.resolve(iterator.return?.()).catch(() => {})
  }
}
