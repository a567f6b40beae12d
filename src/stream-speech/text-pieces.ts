import { isVoxfetchError, TextSourceError } from '../errors/classes.ts'
import { createMarkdownFilter } from './markdown-filter.ts'
import { createSentenceSplitter, type SplitOptions } from './sentence-splitter.ts'
import { readTextSource, type TextSource } from './text-source.ts'

/**
 * The pieces to speak, one request each, as the text streams in: Markdown stripped (unless
 * `markdown` is false), then cut into sentences. An error of the source becomes a
 * `TextSourceError` with the source's error as its `cause`, after the whole sentences before it.
 */
export async function* textPieces(
  source: TextSource,
  options: SplitOptions & { markdown: boolean; signal: AbortSignal },
): AsyncGenerator<string> {
  const filter = options.markdown ? createMarkdownFilter() : undefined
  const splitter = createSentenceSplitter(options)
  const chunks = readTextSource(source, options.signal)
  try {
    yield* pieces()
  } finally {
    // Stopped early: a stream source is cancelled.
    await chunks.return(undefined)
  }

  async function* pieces(): AsyncGenerator<string> {
  for (;;) {
    let next: IteratorResult<string>
    try {
      next = await chunks.next()
    } catch (error) {
      if (options.signal.aborted || isVoxfetchError(error)) throw error
      // What was written before the source broke is still said, up to its last whole sentence.
      yield* splitter.push(filter ? filter.end() : '')
      yield* splitter.endBroken()
      throw new TextSourceError(`The text source failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
    if (next.done) break
    yield* splitter.push(filter ? filter.push(next.value) : next.value)
  }
  yield* splitter.push(filter ? filter.end() : '')
  yield* splitter.end()
  }
}
