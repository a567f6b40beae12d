import { raceAbort } from '../util/race-abort.ts'
import type { SegmentEngine } from './segment-timeline.ts'
import { abortReason, type PlaybackSegments } from './state.ts'

/**
 * Hands the pieces to `engine` as they come, each once the one before was taken, until the
 * last; then tells the engine no more will come. An abort of `signal` ends the wait at once and
 * cancels the pieces still being made (a SpeechStream aborts its requests).
 */
export async function feedSegments(
  segments: PlaybackSegments,
  engine: SegmentEngine,
  signal: AbortSignal,
  onPiece: (mediaType: string) => void,
): Promise<void> {
  const iterator = segments[Symbol.asyncIterator]()
  const cancel = () => {
    segments.cancel?.(abortReason(signal))
    Promise.resolve(iterator.return?.()).catch(() => {})
  }
  signal.addEventListener('abort', cancel, { once: true })
  try {
    for (;;) {
      const next = await raceAbort(iterator.next(), signal)
      if (next.done) break
      onPiece(next.value.mediaType)
      await raceAbort(engine.add(next.value), signal)
    }
  } finally {
    signal.removeEventListener('abort', cancel)
  }
  engine.end()
}
