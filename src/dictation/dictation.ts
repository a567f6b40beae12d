// The PCM capture is bundled here rather than exported by `voxfetch/recorder`: pages that only record pay nothing for it.
import { createMeterContext } from '../record/input-level.ts'
import { assertRecordable, type CompressedRecording, recordCompressed } from '../record/compressed-recording.ts'
import { toRecorderError } from '../record/error.ts'
import { capturePcm, type PcmCapture } from '../record/pcm-capture.ts'
import { createPcmRecording, type PcmRecording } from '../record/pcm-recording.ts'
import { type DictationOptions, resolveDictationOptions, type ResolvedDictationOptions } from './options.ts'
import { createPauseDetector, type Cut } from './pause-detector.ts'
import type { DictationEvents, DictationPiece, DictationState } from './state.ts'
import { joinTexts, promptTail, stitch } from './stitch.ts'
import { transcribePiece } from './transcribe-piece.ts'

export interface Dictation {
  getSnapshot(): DictationState
  subscribe(listener: () => void): () => void
  /** Listens to one kind of event; returns the function that stops listening. */
  on<K extends keyof DictationEvents>(event: K, handler: (payload: DictationEvents[K]) => void): () => void
  /**
   * Asks for the microphone and listens; each piece is transcribed as soon as a pause closes it.
   * Resolves with the final state once stopped and every piece settled; rejects with a
   * `RecorderError` when the microphone is refused or lost, an `AbortError` when cancelled.
   * `options` override the dictation's for this run. Call it from a click: audio starts there.
   */
  start(options?: Partial<DictationOptions>): Promise<DictationState>
  /** Stops listening: the last piece closes, pieces in flight finish, the whole recording is kept. */
  stop(): void
  /** Discards everything: uploads aborted, microphone released, back to idle. */
  cancel(): void
  /** Sends a failed piece again (its audio was kept). */
  retryPiece(index: number): Promise<void>
  /** A piece's audio as a WAV file (the pieces' files together are the whole recording). */
  pieceAudio(index: number): File
}

// A plain object, not Object.freeze(…): a call at the top level is code a page that never dictates would still download.
const IDLE: DictationState = { status: 'idle', text: '', partialText: '', pieces: [], level: 0, durationMs: 0 }

interface Run {
  options: ResolvedDictationOptions
  controller: AbortController
  recording?: PcmRecording
  capture?: PcmCapture
  /** MediaRecorder on the same microphone, when the whole recording is asked for in a compressed format. */
  compressed?: CompressedRecording
  queue: number[]
  active: number
  stopped: boolean
  /** stop() came while the microphone was still being asked for. */
  stopRequested: boolean
  settle?: () => void
}

/** Live dictation over any `/audio/transcriptions` endpoint: the microphone cut at pauses, each piece transcribed while recording goes on. */
export function createDictation(defaults: DictationOptions): Dictation {
  let state: DictationState = IDLE
  let run: Run | undefined
  const listeners = new Set<() => void>()
  const handlers = new Map<keyof DictationEvents, Set<(payload: never) => void>>()
  const emit = <K extends keyof DictationEvents>(event: K, payload: DictationEvents[K]) => {
    for (const handler of [...(handlers.get(event) ?? [])]) (handler as (value: DictationEvents[K]) => void)(payload)
  }
  const set = (patch: Partial<DictationState>) => {
    state = { ...state, ...patch }
    for (const listener of [...listeners]) listener()
  }

  /** Replaces one piece, restitches, and tells who listens what changed. */
  function updatePiece(current: Run, index: number, patch: Partial<DictationPiece>): void {
    if (run !== current) return
    const pieces = state.pieces.map((piece) => (piece.index === index ? { ...piece, ...patch } : piece))
    const before = state
    const stitched = stitch(pieces)
    set({ pieces, ...stitched })
    const piece = pieces[index]!
    if (stitched.text !== before.text) emit('commit', { text: stitched.text, pieces })
    if (stitched.partialText !== before.partialText) emit('partial', { piece, partialText: stitched.partialText })
    if (patch.status === 'failed') emit('error', { error: patch.error!, piece })
    checkSettled(current)
  }

  function checkSettled(current: Run): void {
    if (current.stopped && current.active === 0 && current.queue.length === 0) current.settle?.()
  }

  function addPiece(current: Run, cut: Cut): void {
    const rate = current.recording!.sampleRate
    const piece: DictationPiece = {
      index: state.pieces.length, startSample: cut.start, endSample: cut.end,
      startMs: (cut.start / rate) * 1000, endMs: (cut.end / rate) * 1000,
      status: cut.speech ? 'queued' : 'silent', text: '', reason: cut.reason, closedAt: performance.now(),
    }
    const pieces = [...state.pieces, piece]
    set({ pieces, ...stitch(pieces) })
    emit('piece', piece)
    if (cut.speech) {
      current.queue.push(piece.index)
      pump(current)
    }
  }

  function pump(current: Run): void {
    while (run === current && current.active < current.options.concurrency && current.queue.length) {
      const index = current.queue.shift()!
      current.active++
      send(current, index).finally(() => {
        current.active--
        pump(current)
        checkSettled(current)
      })
    }
  }

  async function send(current: Run, index: number): Promise<void> {
    const { options } = current
    const piece = state.pieces[index]!
    updatePiece(current, index, { status: 'transcribing', text: '' })
    const earlier = joinTexts(state.pieces.slice(0, index).map((each) => (each.status === 'done' ? each.text : '')))
    const prompt = options.continuePrompt ? promptTail(joinTexts([options.prompt ?? '', earlier]), options.promptLimit) : (options.prompt ?? '')
    try {
      const text = await transcribePiece(options, {
        file: current.recording!.toWav(`${options.fileName}-${index + 1}.wav`, piece.startSample, piece.endSample),
        prompt,
        signal: current.controller.signal,
        onPartial: (words) => updatePiece(current, index, { text: words }),
      })
      updatePiece(current, index, { status: 'done', text, doneAt: performance.now() })
    } catch (error) {
      if (current.controller.signal.aborted) return
      updatePiece(current, index, { status: 'failed', text: '', error: error instanceof Error ? error : new Error(String(error)), doneAt: performance.now() })
    }
  }

  async function listen(current: Run): Promise<DictationState> {
    const { compressedType } = current.options
    if (compressedType) assertRecordable(compressedType)
    const context = createMeterContext()
    const rate = current.options.sampleRate === 'native' ? (context?.sampleRate ?? 48_000) : (current.options.sampleRate ?? 16_000)
    const recording = createPcmRecording(rate)
    const detector = createPauseDetector(rate, current.options)
    current.recording = recording
    let failure: Error | undefined
    let finish!: () => void
    const ended = new Promise<void>((resolve) => (finish = resolve))
    const capture = await capturePcm(context, {
      audio: current.options.audio ?? true,
      sampleRate: rate,
      signal: current.controller.signal,
      onStream(stream) {
        if (!compressedType) return
        try {
          current.compressed = recordCompressed(stream, {
            mimeType: compressedType,
            audioBitsPerSecond: current.options.audioBitsPerSecond,
            fileName: current.options.fileName,
            onError(error) {
              failure ??= error
              finish()
            },
          })
        } catch (error) {
          throw toRecorderError(error)
        }
      },
      onSamples(samples) {
        if (run !== current) return
        recording.append(samples)
        for (const cut of detector.push(samples)) addPiece(current, cut)
        set({ level: capture.level(), durationMs: (recording.length / recording.sampleRate) * 1000 })
      },
      onEnded(error) {
        failure = error
        finish()
      },
    })
    current.capture = capture
    if (run !== current) {
      capture.close()
      throw new DOMException('The recording was cancelled.', 'AbortError')
    }
    set({ status: 'listening' })
    if (!current.stopRequested) await Promise.race([ended, new Promise<void>((resolve) => (current.settle = resolve))])
    // stop() (or the microphone going away): both recordings end at the same moment; the capture
    // hands over what it holds and the last piece closes.
    current.settle = undefined
    const compressedFile = current.compressed?.stop()
    // A last piece whose voice already ended is sent now, without waiting for the capture's last block.
    for (const cut of detector.closeSpeech()) addPiece(current, cut)
    await capture.stop()
    if (run !== current) throw new DOMException('The recording was cancelled.', 'AbortError')
    for (const cut of detector.finish()) addPiece(current, cut)
    current.stopped = true
    set({ status: 'finishing', level: 0 })
    const settled = new Promise<void>((resolve) => {
      current.settle = resolve
      checkSettled(current)
    })
    // The whole WAV is copied after the last piece's upload got going (a long recording is megabytes to copy).
    const whole = await (compressedFile ?? new Promise<File>((resolve) => setTimeout(() => resolve(recording.toWav(`${current.options.fileName}.wav`)))))
    if (run !== current) throw new DOMException('The recording was cancelled.', 'AbortError')
    set({ recording: whole })
    await settled
    if (run !== current) throw new DOMException('The recording was cancelled.', 'AbortError')
    if (failure) {
      set({ status: 'error', error: failure })
      throw failure
    }
    set({ status: 'done' })
    return state
  }

  function release(current: Run): void {
    current.controller.abort()
    current.compressed?.close()
    current.capture?.close()
    current.settle?.()
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set()
      handlers.set(event, set)
      set.add(handler as (payload: never) => void)
      return () => set.delete(handler as (payload: never) => void)
    },
    start(options) {
      if (run) release(run)
      run = undefined
      let current: Run
      try {
        current = { options: resolveDictationOptions({ ...defaults, ...options }), controller: new AbortController(), queue: [], active: 0, stopped: false, stopRequested: false }
      } catch (error) {
        return Promise.reject(error)
      }
      run = current
      state = { ...IDLE, status: 'starting' }
      set({})
      return listen(current).catch((error: unknown) => {
        if (run === current) {
          release(current)
          const failure = error instanceof Error ? error : new Error(String(error))
          if (failure.name !== 'AbortError') set({ status: 'error', error: failure })
        }
        throw error
      })
    },
    stop() {
      // Listening ends at the next turn: `settle` is the listening phase's release.
      if (!run || run.stopped) return
      run.stopRequested = true
      run.settle?.()
    },
    cancel() {
      const current = run
      run = undefined
      if (current) release(current)
      if (current || state.status !== 'idle') {
        state = IDLE
        set({})
      }
    },
    retryPiece(index) {
      const current = run
      const piece = state.pieces[index]
      if (!current || piece?.status !== 'failed') return Promise.resolve()
      current.active++
      return send(current, index).finally(() => {
        current.active--
        checkSettled(current)
      })
    },
    pieceAudio(index) {
      const piece = state.pieces[index]
      const recording = run?.recording
      if (!piece || !recording) throw new RangeError(`No piece ${index} in this dictation`)
      return recording.toWav(`${run!.options.fileName}-${index + 1}.wav`, piece.startSample, piece.endSample)
    },
  }
}
