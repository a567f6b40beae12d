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
const tracks = () => streams.flatMap((stream) => stream.getTracks().map((track) => track.readyState))
const recorderStates = () => recorders.map((recorder) => recorder.state)

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
  /** Note the moment this much was recorded (e.g. the end of the speech in the fixture). */
  markAtMs?: number
}

Object.assign(window, {
  async dictate({ options, stopAtMs, cancelAtMs, markAtMs }: Run) {
    const dictation = createDictation(options)
    const commits: Array<{ text: string; at: number }> = []
    const partials: string[] = []
    dictation.on('commit', ({ text }) => commits.push({ text, at: performance.now() }))
    dictation.on('partial', ({ partialText }) => partials.push(partialText))
    const seenTextDuringListening: string[] = []
    let markedAt: number | undefined
    let stoppedAt: number | undefined
    dictation.subscribe(() => {
      const state = dictation.getSnapshot()
      if (markAtMs !== undefined && markedAt === undefined && state.durationMs >= markAtMs) markedAt = performance.now()
      if (state.status === 'listening' && state.text && seenTextDuringListening.at(-1) !== state.text) seenTextDuringListening.push(state.text)
      if (stopAtMs !== undefined && stoppedAt === undefined && state.status === 'listening' && state.durationMs >= stopAtMs) {
        stoppedAt = performance.now()
        dictation.stop()
      }
      if (cancelAtMs !== undefined && state.status === 'listening' && state.durationMs >= cancelAtMs) dictation.cancel()
    })
    let final: DictationState
    let finishedAt = 0
    try {
      final = await dictation.start()
      finishedAt = performance.now()
      lastRecording = final.recording
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
      stoppedAt,
      // Each upload's timing as the browser saw it (fetch called, request sent, answer started, answer ended).
      uploads: performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/audio/transcriptions')).map((entry) => {
        const timing = entry as PerformanceResourceTiming
        return { startTime: timing.startTime, requestStart: timing.requestStart, responseStart: timing.responseStart, responseEnd: timing.responseEnd }
      }),
      doneAt: finishedAt,
    }
  },
  /** Record-then-transcribe: the whole last recording in one request; resolves with its text and how long it took. */
  async transcribeWhole(options: DictationOptions) {
    const startedAt = performance.now()
    const result = await transcription({ ...options.params, model: options.model, file: lastRecording! })
    return { text: result.text, ms: performance.now() - startedAt, size: lastRecording!.size }
  },
  ready: true,
})
