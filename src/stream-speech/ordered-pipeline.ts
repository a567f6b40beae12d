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
  // An abort ends a wait at once, even one for text that has not come yet.
  const aborted = new Promise<never>((_, reject) => {
    const stop = () => reject(signal.reason)
    if (signal.aborted) stop()
    else signal.addEventListener('abort', stop, { once: true })
  })
  aborted.catch(() => {})
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
        const next = await Promise.race(head ? [item, head.then(() => undefined, () => undefined), aborted] : [item, aborted])
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
        result = await Promise.race([head, aborted])
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
