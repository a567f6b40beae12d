import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { createDictation, type DictationOptions, type DictationState } from '../src/dictation/index.ts'
import { useProvidedClient } from './provider.tsx'

export interface UseDictationOptions extends DictationOptions {
  /** Called once stopped and every piece settled, with the transcript and the whole recording. */
  onDone?: (state: DictationState) => void
  /** Called when the microphone is refused or lost (a `RecorderError`), or an option is wrong. */
  onError?: (error: Error) => void
}

/** The dictation's state (text, partialText, pieces, level, recording, error…) and its actions. */
export interface UseDictationResult extends DictationState {
  isListening: boolean
  /** Starts listening (asks for the microphone the first time). Call it from a click. Stable identity. */
  start(): void
  /** Stops listening; the last pieces finish and `onDone` follows. Stable identity. */
  stop(): void
  /** Discards the dictation and releases the microphone. Stable identity. */
  cancel(): void
  /** Sends a failed piece again (it never rejects: a new failure goes to the piece). Stable identity. */
  retryPiece(index: number): Promise<void>
}

const useLatestEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * Live dictation: `const { text, partialText, start, stop } = useDictation({ model: 'whisper' })`.
 * Options are read when `start` runs; the client is the `VoxfetchProvider`'s unless `client` is
 * given. The microphone is released on stop, cancel, error and unmount.
 */
export function useDictation(options: UseDictationOptions): UseDictationResult {
  const latest = useRef(options)
  const provided = useProvidedClient()
  useLatestEffect(() => {
    latest.current = options
  })
  const [dictation] = useState(() => createDictation(options))
  const actions = useMemo(
    () => ({
      start() {
        const { onDone: _done, onError: _error, ...dictationOptions } = latest.current
        const client = dictationOptions.client ?? provided
        dictation.start({ ...dictationOptions, ...(client && { client }) }).then(
          (state) => latest.current.onDone?.(state),
          (error: Error) => {
            if (error.name !== 'AbortError') latest.current.onError?.(error)
          },
        )
      },
      stop: dictation.stop,
      cancel: dictation.cancel,
      retryPiece: dictation.retryPiece,
    }),
    [dictation, provided],
  )
  const state = useSyncExternalStore(dictation.subscribe, dictation.getSnapshot, dictation.getSnapshot)
  useEffect(() => () => dictation.cancel(), [dictation])
  // The snapshot's fields are the result's: spread, not copied one by one (the hooks' bytes are budgeted).
  return useMemo(
    () => ({ ...state, isListening: state.status === 'listening', ...actions }),
    [state, actions],
  )
}
