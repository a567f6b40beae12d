import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { createRecorder, type RecorderOptions, type RecorderState, type StopReason } from '../src/record/index.ts'

export interface UseRecorderOptions extends RecorderOptions {
  /** Called with the recording when it stops (by `stop()` or a limit), e.g. `transcribe`. */
  onRecorded?: (file: File, reason: StopReason) => void
  /** Called when the microphone is refused or missing (a `RecorderError`), or recording fails. */
  onError?: (error: Error) => void
}

export interface UseRecorderResult {
  status: RecorderState['status']
  isRecording: boolean
  /** Starts recording (asks for the microphone the first time). Stable identity. */
  start(): void
  /** Stops recording; the File goes to `file` and `onRecorded`. Stable identity. */
  stop(): void
  /** Discards the recording in progress and releases the microphone. Stable identity. */
  cancel(): void
  /** Input level for a meter, 0..1, while recording. */
  level: number
  /** Milliseconds recorded so far (or in total, once stopped). */
  durationMs: number
  /** The last recording, named with its extension (`recording.webm`, `recording.m4a`…). */
  file: File | undefined
  /** Why the last recording stopped. */
  stopReason: StopReason | undefined
  /** A `RecorderError` (see its `reason`) or another failure. */
  error: Error | undefined
}

const useLatestEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * Microphone → File, with a level meter and limits:
 * `const { start, stop, level } = useRecorder({ onRecorded: (file) => transcribe(file) })`.
 * Options are read when `start` runs; the microphone is released on stop and unmount.
 */
export function useRecorder(options: UseRecorderOptions = {}): UseRecorderResult {
  const latest = useRef(options)
  useLatestEffect(() => {
    latest.current = options
  })
  const [recorder] = useState(() => createRecorder())
  const actions = useMemo(
    () => ({
      start() {
        const { onRecorded: _recorded, onError: _error, ...recorderOptions } = latest.current
        recorder.start(recorderOptions).then(
          (file) => {
            const state = recorder.getSnapshot()
            latest.current.onRecorded?.(file, state.status === 'stopped' ? state.reason : 'user')
          },
          (error: Error) => {
            if (error.name !== 'AbortError') latest.current.onError?.(error)
          },
        )
      },
      stop: recorder.stop,
      cancel: recorder.cancel,
    }),
    [recorder],
  )
  const state = useSyncExternalStore(recorder.subscribe, recorder.getSnapshot, recorder.getSnapshot)
  useEffect(() => () => recorder.cancel(), [recorder])
  return useMemo(
    () => ({
      status: state.status,
      isRecording: state.status === 'recording',
      ...actions,
      level: state.status === 'recording' ? state.level : 0,
      durationMs: state.status === 'recording' || state.status === 'stopped' ? state.durationMs : 0,
      file: state.status === 'stopped' ? state.file : undefined,
      stopReason: state.status === 'stopped' ? state.reason : undefined,
      error: state.status === 'error' ? state.error : undefined,
    }),
    [state, actions],
  )
}
