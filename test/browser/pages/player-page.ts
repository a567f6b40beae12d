// Test page for test/browser/player.test.ts: the player fed by real speech from the emulator.
import { createClient, type SpeechFormat } from '../../../src/index.ts'
import { createPlayer, type PlaybackMode, type Player, type PlayerState } from '../../../src/playback/index.ts'

/** Every AudioBufferSourceNode.start, observed on the platform (our code is not touched). */
const starts: { when: number; duration: number; contextTime: number; now: number; rate: number }[] = []
const start = AudioBufferSourceNode.prototype.start
AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when = 0, ...rest: number[]) {
  starts.push({ when, duration: this.buffer?.duration ?? 0, contextTime: this.context.currentTime, now: performance.now(), rate: this.context.sampleRate })
  return start.call(this, when, ...rest)
}
const urls = { created: 0, revoked: 0, live: new Set<string>() }
const create = URL.createObjectURL.bind(URL)
const revoke = URL.revokeObjectURL.bind(URL)
URL.createObjectURL = (object: Blob | MediaSource) => {
  const url = create(object)
  urls.created++
  urls.live.add(url)
  return url
}
URL.revokeObjectURL = (url: string) => {
  if (urls.live.delete(url)) urls.revoked++
  revoke(url)
}

export interface SpeakRequest {
  baseURL: string
  apiKey: string
  format: SpeechFormat
  text: string
  mode: PlaybackMode
  /** Bytes per second the emulator sends the body at. */
  rate?: number
  /** Resolve once the sound is playing instead of waiting for the last byte. */
  untilPlaying?: boolean
}

export interface SpeakOutcome {
  firstByte: number
  lastByte: number
  /** performance.now() when the first sound is (scheduled to be) audible. */
  audible: number
  engine: string
  bytes: number
  mediaType: string
}

const players = new Map<string, Player>()
const history: Record<string, PlayerState[]> = {}

function playerFor(name: string): Player {
  let player = players.get(name)
  if (!player) {
    const created = createPlayer()
    player = created
    history[name] = []
    created.subscribe(() => history[name]!.push(created.getSnapshot()))
    players.set(name, created)
  }
  return player
}

async function speak(name: string, request: SpeakRequest, controller?: AbortController): Promise<SpeakOutcome> {
  const client = createClient({ baseURL: request.baseURL, apiKey: request.apiKey, maxRetries: 0 })
  const player = playerFor(name)
  player.unlock()
  const startsBefore = starts.length
  const result = await client.speech({
    model: 'tts', voice: 'alloy', speed: 0.85, input: request.text, response_format: request.format,
    ...(request.rate ? { headers: { 'x-emulator-body-rate': String(request.rate) } } : {}),
  })
  let firstByte = 0
  let lastByte = 0
  let bytes = 0
  const reader = result.body.getReader()
  const body = new ReadableStream<Uint8Array>({
    async pull(sink) {
      const { done, value } = await reader.read()
      if (done) {
        lastByte = performance.now()
        return sink.close()
      }
      firstByte ||= performance.now()
      bytes += value.byteLength
      sink.enqueue(value)
    },
    cancel(reason) {
      cancelled[name] = true
      return reader.cancel(reason)
    },
  })
  const playingAt = new Promise<number>((resolve, reject) => {
    const check = () => {
      const state = player.getSnapshot()
      if (state.status === 'playing') resolve(performance.now())
      if (state.status === 'error') reject(state.error)
    }
    player.subscribe(check)
    check()
  })
  const done = player.play({ body, mediaType: result.mediaType }, { mode: request.mode, ...(controller ? { signal: controller.signal } : {}) })
  if (!request.untilPlaying) await done
  else done.catch(() => {})
  let audible = await playingAt
  const state = player.getSnapshot()
  const engine = state.status === 'idle' ? '' : state.engine
  if (engine === 'web-audio') {
    const first = starts[startsBefore]!
    audible = first.now + (first.when - first.contextTime) * 1000
  }
  return { firstByte, lastByte, audible, engine, bytes, mediaType: result.mediaType }
}

const cancelled: Record<string, boolean> = {}
const controllers = new Map<string, AbortController>()

Object.assign(window, {
  starts,
  cancelled,
  urls: () => ({ created: urls.created, revoked: urls.revoked, live: urls.live.size }),
  stateHistory: history,
  speak: (name: string, request: SpeakRequest) => speak(name, request),
  speakAbortable(name: string, request: SpeakRequest) {
    const controller = new AbortController()
    controllers.set(name, controller)
    return speak(name, request, controller)
  },
  abort: (name: string) => controllers.get(name)?.abort(),
  snapshot: (name: string) => {
    const state = players.get(name)?.getSnapshot()
    return state && { ...state, blob: state.status !== 'idle' && state.blob ? state.blob.size : undefined }
  },
  control: (name: string, action: 'pause' | 'resume' | 'stop' | 'close') => players.get(name)?.[action](),
  ready: true,
})
