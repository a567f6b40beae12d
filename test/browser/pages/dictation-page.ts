// Test page for test/browser/dictation.test.ts: live dictation on Chromium's fake microphone (a WAV file).
import { createDictation, type DictationOptions, type DictationState } from '../../../src/dictation/index.ts'
import { transcription } from '../../../src/index.ts'

/** Every stream getUserMedia handed out, observed on the platform to check their tracks end. */
const streams: MediaStream[] = []
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices)
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints)
  streams.push(stream)
  return stream
}
/** Every MediaRecorder made, observed the same way, to check none is left recording. */
const recorders: MediaRecorder[] = []
window.MediaRecorder = class extends MediaRecorder {
  constructor(...args: ConstructorParameters<typeof MediaRecorder>) {
    super(...args)
    recorders.push(this)
  }
}
let lastRecording: File | undefined
let lastPieces: File[] = []
const tracks = () => streams.flatMap((stream) => stream.getTracks().map((track) => track.readyState))
const recorderStates = () => recorders.map((recorder) => recorder.state)

/** One 16-bit mono WAV of the pieces' WAVs (each a 44-byte header and its samples), in order. */
async function joinWav(pieces: File[]): Promise<File> {
  const datas = await Promise.all(pieces.map(async (piece) => new Uint8Array(await piece.arrayBuffer()).subarray(44)))
  const size = datas.reduce((sum, data) => sum + data.length, 0)
  const header = new Uint8Array(await pieces[0]!.slice(0, 44).arrayBuffer())
  const view = new DataView(header.buffer)
  view.setUint32(4, 36 + size, true)
  view.setUint32(40, size, true)
  return new File([header, ...datas], 'dictation.wav', { type: 'audio/wav' })
}

/** The file decoded by the browser, as a listener's player would: its duration in ms. */
async function decodedMs(file: File): Promise<number> {
  const context = new OfflineAudioContext(1, 1, 48_000)
  const buffer = await context.decodeAudioData(await file.arrayBuffer())
  return buffer.duration * 1000
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
  return btoa(binary)
}

interface Run {
  options: DictationOptions
  /** Stop once this much was recorded. */
  stopAtMs?: number
  cancelAtMs?: number
  /**
   * Stop the way a person does, `delayMs` after their last word: the last word is the last block
   * at or above `level` (the dictation's input level) once `fromMs` was recorded, found in the
   * signal as it arrives (the fake microphone's timeline drifts from the fixture's by up to a few
   * hundred ms). Its moment is noted as `markedAt`.
   */
  stopAfterSpeech?: { fromMs: number; delayMs: number; level: number }
}

Object.assign(window, {
  async dictate({ options, stopAtMs, cancelAtMs, stopAfterSpeech }: Run) {
    const dictation = createDictation(options)
    const commits: Array<{ text: string; at: number }> = []
    const partials: string[] = []
    dictation.on('commit', ({ text }) => commits.push({ text, at: performance.now() }))
    dictation.on('partial', ({ partialText }) => partials.push(partialText))
    const seenTextDuringListening: string[] = []
    let markedAt: number | undefined
    let lastWordMs: number | undefined
    let stoppedAt: number | undefined
    let previousMs = 0
    let stopTimer: ReturnType<typeof setTimeout> | undefined
    dictation.subscribe(() => {
      const state = dictation.getSnapshot()
      if (state.status === 'listening' && state.text && seenTextDuringListening.at(-1) !== state.text) seenTextDuringListening.push(state.text)
      const stop = () => {
        if (stoppedAt !== undefined || dictation.getSnapshot().status !== 'listening') return
        stoppedAt = performance.now()
        dictation.stop()
      }
      if (stopAtMs !== undefined && stoppedAt === undefined && state.status === 'listening' && state.durationMs >= stopAtMs) stop()
      // Each new block of samples comes with its level: the block ending at durationMs. A person
      // stops a fixed time after they hear themselves stop: a timer from the last loud block.
      if (stopAfterSpeech && stoppedAt === undefined && state.status === 'listening' && state.durationMs > previousMs) {
        previousMs = state.durationMs
        if (state.durationMs >= stopAfterSpeech.fromMs && state.level >= stopAfterSpeech.level) {
          lastWordMs = state.durationMs
          markedAt = performance.now()
          clearTimeout(stopTimer)
          stopTimer = setTimeout(stop, stopAfterSpeech.delayMs)
        }
      }
      if (cancelAtMs !== undefined && state.status === 'listening' && state.durationMs >= cancelAtMs) dictation.cancel()
    })
    let final: DictationState
    let finishedAt = 0
    try {
      final = await dictation.start()
      finishedAt = performance.now()
      lastRecording = final.recording
      lastPieces = final.pieces.map((piece) => dictation.pieceAudio(piece.index))
    } catch (error) {
      return { error: (error as Error).name, reason: (error as { reason?: string }).reason, status: dictation.getSnapshot().status, tracks: tracks(), recorders: recorderStates() }
    }
    return {
      status: final.status,
      text: final.text,
      partialText: final.partialText,
      durationMs: final.durationMs,
      pieces: final.pieces.map(({ error, ...piece }) => ({ ...piece, error: error?.message })),
      recording: final.recording && {
        name: final.recording.name, type: final.recording.type, size: final.recording.size,
        base64: await base64Of(final.recording), decodedMs: await decodedMs(final.recording),
      },
      pieceSizes: final.pieces.map((piece) => dictation.pieceAudio(piece.index).size),
      commits,
      partials,
      seenTextDuringListening,
      tracks: tracks(),
      recorders: recorderStates(),
      markedAt,
      lastWordMs,
      stoppedAt,
      // Each upload's timing as the browser saw it (fetch called, request sent, answer started, answer ended).
      uploads: performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/audio/transcriptions')).map((entry) => {
        const timing = entry as PerformanceResourceTiming
        return { startTime: timing.startTime, requestStart: timing.requestStart, responseStart: timing.responseStart, responseEnd: timing.responseEnd }
      }),
      doneAt: finishedAt,
    }
  },
  /**
   * Record-then-transcribe: the whole last recording in one request (`recording`, or a WAV joined
   * from the pieces, which tile it); resolves with its text and how long it took.
   */
  async transcribeWhole(options: DictationOptions, as: 'recording' | 'wav' = 'recording') {
    const file = as === 'wav' ? await joinWav(lastPieces) : lastRecording!
    const startedAt = performance.now()
    const result = await transcription({ ...options.params, model: options.model, file })
    return { text: result.text, ms: performance.now() - startedAt, size: file.size, type: file.type }
  },
  ready: true,
})
