import { createInputLevel, createMeterContext, type InputLevel } from './input-level.ts'
import { RecorderError, toRecorderError } from './error.ts'
import type { RecorderState, StopReason } from './state.ts'
import { extensionForRecording, pickRecordingFormat } from './format.ts'

export interface RecorderOptions {
  /** Stops the recording after this many milliseconds. @default no limit */
  maxDurationMs?: number
  /**
   * Stops before the file would pass this size (e.g. the server's `max_file_size_mb`): the
   * recording ends when the next slice could cross it.
   * @default no limit
   */
  maxFileSizeMB?: number
  /**
   * Stops once the input stays below `level` for `durationMs`, after sound above it was heard
   * (so waiting quietly before speaking does not end the recording). `true` uses the defaults.
   * @default false
   */
  stopOnSilence?: boolean | { level?: number; durationMs?: number }
  /** The container to ask MediaRecorder for. @default the best one it supports (webm/opus, then mp4, then ogg) */
  mimeType?: string
  /** Bits per second of the encoded audio. @default the browser's choice */
  audioBitsPerSecond?: number
  /** getUserMedia audio constraints. @default true */
  audio?: boolean | MediaTrackConstraints
  /** The file name without extension. @default 'recording' */
  fileName?: string
}

export interface Recorder {
  getSnapshot(): RecorderState
  subscribe(listener: () => void): () => void
  /**
   * Asks for the microphone and records. Resolves with the File when the recording stops (by
   * `stop()` or a limit); rejects with a `RecorderError`, or an `AbortError` when cancelled.
   * Starting again cancels a recording in progress. `options` override the recorder's for this
   * recording.
   */
  start(options?: RecorderOptions): Promise<File>
  /**
   * Ends the recording; the File comes in the `stopped` state and from `start()`. A stop while
   * starting (the permission prompt, the device opening) is remembered: the microphone is released
   * the moment it arrives, nothing is recorded, `start()` rejects with an `AbortError` and the
   * state returns to idle. So a quick tap on a push-to-talk button never leaves a live microphone.
   */
  stop(): void
  /** Discards the recording in progress, releases the microphone and returns to idle. */
  cancel(): void
}

/** Silence below this level (about -48 dBFS) for 1.5 s stops a recording with `stopOnSilence: true`. */
const SILENCE = { level: 0.2, durationMs: 1500 }
const SLICE_MS = 250
const TICK_MS = 50
const IDLE: RecorderState = /* @__PURE__ */ Object.freeze({ status: 'idle' })

interface Session {
  stream?: MediaStream
  recorder?: MediaRecorder
  meter?: AudioContext
  level?: InputLevel
  timer?: ReturnType<typeof setInterval>
  reason: StopReason
  cancelled: boolean
  /** `stop()` came before the microphone did. */
  stopEarly?: boolean
}

/** A framework-agnostic microphone recorder, a store like the player and the request store. */
export function createRecorder(defaults: RecorderOptions = {}): Recorder {
  let state: RecorderState = IDLE
  let session: Session | undefined
  const listeners = new Set<() => void>()
  const set = (next: RecorderState) => {
    state = next
    for (const listener of [...listeners]) listener()
  }

  function release(current: Session): void {
    clearInterval(current.timer)
    current.level?.close()
    if (current.meter && current.meter.state !== 'closed') current.meter.close().catch(() => {})
    current.meter = undefined
    for (const track of current.stream?.getTracks() ?? []) track.stop()
  }
  function end(current: Session, reason: StopReason): void {
    if (session !== current || current.recorder?.state !== 'recording') return
    current.reason = reason
    current.recorder.stop()
  }

  async function record(current: Session, options: RecorderOptions): Promise<File> {
    const silence = options.stopOnSilence ? { ...SILENCE, ...(options.stopOnSilence === true ? {} : options.stopOnSilence) } : undefined
    const media = globalThis.navigator?.mediaDevices
    if (!media?.getUserMedia || typeof MediaRecorder === 'undefined') {
      throw new RecorderError('not-supported', 'Recording needs MediaRecorder and getUserMedia (a browser, on https or localhost)')
    }
    const stream = await media.getUserMedia({ audio: options.audio ?? true }).catch((error: unknown) => {
      throw toRecorderError(error)
    })
    current.stream = stream
    if (current.cancelled || current.stopEarly) {
      release(current)
      throw new DOMException(current.cancelled ? 'The recording was cancelled.' : 'The recording was stopped before the microphone opened.', 'AbortError')
    }
    const mimeType = options.mimeType ?? pickRecordingFormat((type) => MediaRecorder.isTypeSupported(type))?.mimeType
    const recorder = new MediaRecorder(stream, {
      ...(mimeType ? { mimeType } : {}),
      ...(options.audioBitsPerSecond ? { audioBitsPerSecond: options.audioBitsPerSecond } : {}),
    })
    current.recorder = recorder
    if (current.meter) current.level = createInputLevel(current.meter, stream)
    const chunks: Blob[] = []
    const limit = options.maxFileSizeMB === undefined ? Infinity : options.maxFileSizeMB * 1024 * 1024
    let bytes = 0
    let largest = 0
    let heard = false
    let quietSince: number | undefined
    const startedAt = performance.now()
    const snapshot = (level: number): RecorderState => ({
      status: 'recording', durationMs: performance.now() - startedAt, level, bytes, mimeType: recorder.mimeType || mimeType || '',
    })

    return new Promise<File>((resolve, reject) => {
      recorder.ondataavailable = (event) => {
        if (!event.data.size) return
        chunks.push(event.data)
        bytes += event.data.size
        largest = Math.max(largest, event.data.size)
        // The final slice comes after stop(): leave room for two of the largest seen.
        if (bytes + 2 * largest > limit) end(current, 'max-size')
      }
      recorder.onerror = (event) => {
        release(current)
        reject(toRecorderError((event as Event & { error?: unknown }).error ?? new Error('MediaRecorder failed')))
      }
      recorder.onstop = () => {
        release(current)
        if (current.cancelled) return reject(new DOMException('The recording was cancelled.', 'AbortError'))
        const type = recorder.mimeType || mimeType || chunks[0]?.type || 'audio/webm'
        const name = `${options.fileName ?? 'recording'}.${extensionForRecording(type)}`
        const file = new File(chunks, name, { type })
        if (session === current) set({ status: 'stopped', file, durationMs: performance.now() - startedAt, reason: current.reason })
        resolve(file)
      }
      recorder.start(SLICE_MS)
      set(snapshot(0))
      current.timer = setInterval(() => {
        if (session !== current || state.status !== 'recording') return
        const level = current.level?.read() ?? 0
        const next = snapshot(level)
        set(next)
        if (options.maxDurationMs !== undefined && next.status === 'recording' && next.durationMs >= options.maxDurationMs) return end(current, 'max-duration')
        if (!silence) return
        if (level >= silence.level) {
          heard = true
          quietSince = undefined
        } else if (heard) {
          quietSince ??= performance.now()
          if (performance.now() - quietSince >= silence.durationMs) end(current, 'silence')
        }
      }, TICK_MS)
    })
  }

  function cancel(): void {
    const current = session
    session = undefined
    if (!current) return
    current.cancelled = true
    if (current.recorder && current.recorder.state !== 'inactive') current.recorder.stop()
    release(current)
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start(options) {
      cancel()
      const current: Session = { reason: 'user', cancelled: false }
      // Still in the click that called start: the meter's AudioContext may run.
      if (typeof MediaRecorder !== 'undefined') current.meter = createMeterContext()
      session = current
      set({ status: 'starting' })
      return record(current, { ...defaults, ...options }).catch((error: unknown) => {
        if (session === current) {
          session = undefined
          release(current)
          if (current.stopEarly) set(IDLE)
          else if (!current.cancelled) set({ status: 'error', error: error instanceof Error ? error : toRecorderError(error) })
        }
        throw error
      })
    },
    stop() {
      if (session && !session.recorder) session.stopEarly = true
      else if (session) end(session, 'user')
    },
    cancel() {
      const had = session !== undefined
      cancel()
      if (had || state.status !== 'idle') set(IDLE)
    },
  }
}
