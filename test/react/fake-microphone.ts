import { vi } from 'vitest'
import { DICTATION_RATE } from '../fixtures/dictation/compose.ts'

// jsdom has no getUserMedia, MediaRecorder or Web Audio: these fakes stand in for the platform only (the real
// thing runs in test/browser/dictation.test.ts). With no AudioWorklet the capture takes its
// ScriptProcessor path, which the test drives with real speech. Nothing of voxfetch is replaced.
export function fakePlatform(getUserMedia?: () => Promise<unknown>) {
  const track = { readyState: 'live', stop: vi.fn(() => void (track.readyState = 'ended')), listeners: [] as Array<() => void>, addEventListener: (_: string, listener: () => void) => track.listeners.push(listener) }
  const processors: Array<{ onaudioprocess: ((event: unknown) => void) | null }> = []
  const contexts: Array<{ state: string }> = []
  class FakeAudioContext {
    sampleRate = 48_000
    state = 'running'
    destination = {}
    constructor() {
      contexts.push(this)
    }
    createMediaStreamSource() {
      return { connect: (node: unknown) => node, disconnect() {} }
    }
    createGain() {
      return { gain: { value: 1 }, connect: (node: unknown) => node }
    }
    createScriptProcessor() {
      const node = { onaudioprocess: null, connect: (next: unknown) => next }
      processors.push(node)
      return node
    }
    resume() {
      return Promise.resolve()
    }
    close() {
      this.state = 'closed'
      return Promise.resolve()
    }
  }
  const recorders: FakeMediaRecorder[] = []
  // Like the browser's: the last data and the stop event come a task after stop(), never at once.
  class FakeMediaRecorder {
    static isTypeSupported = (type: string) => type.startsWith('audio/webm')
    state = 'inactive'
    ondataavailable: ((event: { data: Blob }) => void) | null = null
    onstop: (() => void) | null = null
    onerror: (() => void) | null = null
    constructor(readonly stream: unknown, readonly options: { mimeType: string; audioBitsPerSecond?: number }) {
      recorders.push(this)
    }
    get mimeType() {
      return this.options.mimeType
    }
    start() {
      this.state = 'recording'
    }
    stop() {
      this.state = 'inactive'
      setTimeout(() => {
        this.ondataavailable?.({ data: new Blob(['webm bytes'], { type: this.mimeType }) })
        this.onstop?.()
      }, 20)
    }
  }
  vi.stubGlobal('MediaRecorder', FakeMediaRecorder)
  vi.stubGlobal('AudioContext', FakeAudioContext)
  vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: vi.fn(getUserMedia ?? (() => Promise.resolve({ getTracks: () => [track] }))) } })
  /** Plays 16 kHz samples into the capture at 48 kHz, in 4096-frame blocks as a ScriptProcessor would. */
  const play = (samples: Int16Array) => {
    const upsampled = new Float32Array(samples.length * 3)
    upsampled.forEach((_, index) => (upsampled[index] = samples[Math.floor(index / 3)]! / 32768))
    for (let offset = 0; offset < upsampled.length; offset += 4096) {
      const block = upsampled.subarray(offset, offset + 4096)
      processors.at(-1)!.onaudioprocess!({ inputBuffer: { length: block.length, numberOfChannels: 1, getChannelData: () => block } })
    }
  }
  return { track, processors, contexts, recorders, play }
}

/** Room noise at about -60 dBFS for `ms`, at 16 kHz. */
export const quiet = (ms: number) => new Int16Array((DICTATION_RATE * ms) / 1000).map((_, index) => ((index * 7919) % 61) - 30)
