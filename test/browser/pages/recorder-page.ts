// Test page for test/browser/recorder.test.ts: the recorder on Chromium's fake microphone.
import { createClient } from '../../../src/index.ts'
import { createRecorder, type RecorderOptions, type RecorderState } from '../../../src/record/index.ts'

/** Every stream getUserMedia handed out, observed on the platform to check their tracks end. */
const streams: MediaStream[] = []
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices)
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints)
  streams.push(stream)
  return stream
}

const recorder = createRecorder()
const states: RecorderState[] = []
recorder.subscribe(() => states.push(recorder.getSnapshot()))

let lastFile: File | undefined

Object.assign(window, {
  async record(options: RecorderOptions & { stopAfterMs?: number }) {
    states.length = 0
    const { stopAfterMs, ...recorderOptions } = options
    const done = recorder.start(recorderOptions)
    if (stopAfterMs !== undefined) {
      // Counted from the moment recording runs, not from the permission prompt.
      const unsubscribe = recorder.subscribe(() => {
        if (recorder.getSnapshot().status !== 'recording') return
        unsubscribe()
        setTimeout(() => recorder.stop(), stopAfterMs)
      })
    }
    try {
      const file = await done
      lastFile = file
      const state = recorder.getSnapshot()
      const levels = states.flatMap((entry) => (entry.status === 'recording' ? [entry.level] : []))
      return {
        name: file.name, type: file.type, size: file.size,
        reason: state.status === 'stopped' ? state.reason : undefined,
        durationMs: state.status === 'stopped' ? state.durationMs : undefined,
        levels,
        statuses: states.map((entry) => entry.status).filter((status, index, all) => status !== all[index - 1]),
        tracks: streams.flatMap((stream) => stream.getTracks().map((track) => track.readyState)),
      }
    } catch (error) {
      return { error: (error as Error).name, reason: (error as { reason?: string }).reason, state: recorder.getSnapshot().status }
    }
  },
  async transcribeLast(baseURL: string, apiKey: string) {
    const client = createClient({ baseURL, apiKey, maxRetries: 0 })
    const result = await client.transcription({ model: 'whisper', file: lastFile! })
    return result.text
  },
  /** A quick tap: stop() while getUserMedia is still pending, then what became of it. */
  async stopWhileStarting() {
    const done = recorder.start({ maxDurationMs: 4000 }).then(() => 'resolved', (error: Error) => error.name)
    const stateAtStop = recorder.getSnapshot().status
    recorder.stop()
    const outcome = await Promise.race([done, new Promise((resolve) => setTimeout(() => resolve('still pending'), 1500))])
    return { stateAtStop, outcome, state: recorder.getSnapshot().status, tracks: streams.flatMap((stream) => stream.getTracks().map((track) => track.readyState)) }
  },
  cancelSoon(ms: number) {
    const done = recorder.start().then(() => 'resolved', (error: Error) => error.name)
    setTimeout(() => recorder.cancel(), ms)
    return done.then((outcome) => ({ outcome, state: recorder.getSnapshot().status, tracks: streams.flatMap((stream) => stream.getTracks().map((track) => track.readyState)) }))
  },
  ready: true,
})
