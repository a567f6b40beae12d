// Test page for test/browser/stream-speech.test.ts: a chat answer streamed from the emulator,
// spoken by streamSpeech through the player, with the output recorded by an AnalyserNode tap.
import { createClient, type SpeechFormat, type SpeechSegment } from '../../../src/index.ts'
import { createPlayer, type PlayerState } from '../../../src/playback/index.ts'

/** Every AudioBufferSourceNode.start, observed on the platform (our code is not touched). */
const starts: { when: number; duration: number; contextTime: number; now: number }[] = []
const start = AudioBufferSourceNode.prototype.start
AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when = 0, ...rest: number[]) {
  starts.push({ when, duration: this.buffer?.duration ?? 0, contextTime: this.context.currentTime, now: performance.now() })
  return start.call(this, when, ...rest)
}

/**
 * The tap: whatever is connected to a context's destination goes through one AnalyserNode, read
 * every 40 ms; its 32768-sample windows overlap, and each is placed by the audio clock.
 */
const FFT = 32768
let recording: { context: AudioContext; samples: Float32Array; origin: number } | undefined
const taps = new WeakMap<BaseAudioContext, AnalyserNode>()
const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => AudioNode
AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
  const [target] = args
  if (target instanceof AudioDestinationNode && !(this instanceof AnalyserNode) && this.context instanceof AudioContext) {
    let tap = taps.get(this.context)
    if (!tap) {
      tap = this.context.createAnalyser()
      tap.fftSize = FFT
      connect.call(tap, this.context.destination)
      taps.set(this.context, tap)
      startRecording(this.context, tap)
    }
    return connect.call(this, tap)
  }
  return connect.apply(this, args)
} as never

function startRecording(context: AudioContext, tap: AnalyserNode): void {
  const rate = context.sampleRate
  // Two minutes of output at most.
  const samples = new Float32Array(rate * 120)
  recording = { context, samples, origin: context.currentTime }
  const window = new Float32Array(FFT)
  setInterval(() => {
    const end = context.currentTime
    tap.getFloatTimeDomainData(window)
    const last = Math.round((end - recording!.origin) * rate)
    for (let index = 0; index < FFT; index++) {
      const at = last - FFT + index
      if (at >= 0 && at < samples.length) samples[at] = window[index]!
    }
  }, 40)
}

export interface StreamRun {
  /** performance.now() when the source yielded the text that completed the first sentence. */
  firstSentenceAt: number
  /** performance.now() when the first piece is audible (its scheduled start). */
  audibleAt: number
  /** Milliseconds from the first speech request to its answer's headers. */
  firstByteMs: number
  segments: { index: number; text: string; start: number | undefined; duration: number | undefined; leading: number; trailing: number; mediaType: string }[]
  /** Per seam: scheduled start minus the previous piece's scheduled end (s). */
  scheduleGaps: number[]
  /** Per seam: whether the piece was scheduled only after the previous one had ended (it came late: an underrun). */
  late: boolean[]
  /** Per seam: silence heard around it minus the silence inside the two pieces (s). */
  outputGaps: number[]
  contentSilences: number[]
  /** Segment indices as the player's state showed them, with the time each appeared vs its scheduled start (ms). */
  highlights: { index: number; lateMs: number }[]
  finalStatus: string
}

const THRESHOLD = 0.01

/** Leading and trailing silence of a piece, in seconds, decoded as the player decodes it. */
async function silences(segment: SpeechSegment): Promise<{ leading: number; trailing: number }> {
  const decoder = new OfflineAudioContext(1, 1, 48_000)
  const bytes = segment.mediaType.startsWith('audio/pcm') ? wrapPcm(segment.audio) : segment.audio
  const buffer = await decoder.decodeAudioData(bytes.slice().buffer as ArrayBuffer)
  const data = buffer.getChannelData(0)
  let first = 0
  while (first < data.length && Math.abs(data[first]!) < THRESHOLD) first++
  let last = data.length - 1
  while (last > 0 && Math.abs(data[last]!) < THRESHOLD) last--
  return { leading: first / buffer.sampleRate, trailing: (data.length - 1 - last) / buffer.sampleRate }
}

function wrapPcm(pcm: Uint8Array): Uint8Array {
  const wav = new Uint8Array(44 + pcm.byteLength)
  const view = new DataView(wav.buffer)
  const ascii = (offset: number, text: string) => [...text].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)))
  ascii(0, 'RIFF'); view.setUint32(4, 36 + pcm.byteLength, true); ascii(8, 'WAVE'); ascii(12, 'fmt ')
  view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true); view.setUint32(24, 24_000, true)
  view.setUint32(28, 48_000, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true); ascii(36, 'data'); view.setUint32(40, pcm.byteLength, true)
  wav.set(pcm, 44)
  return wav
}

/**
 * The silence heard at time `at` (s, audio clock): the longest silent run reaching within 25 ms
 * of it (the tap's windows are placed by the clock, to a few ms), 0 when sound runs through.
 */
function silenceAround(at: number): number {
  const { samples, origin, context } = recording!
  const rate = context.sampleRate
  const center = Math.round((at - origin) * rate)
  const reach = Math.round(0.025 * rate)
  const silent = (index: number) => Math.abs(samples[index]!) < THRESHOLD
  let longest = 0
  for (let index = center - reach; index <= center + reach; index++) {
    if (!silent(index)) continue
    let before = index
    while (before > 0 && silent(before - 1)) before--
    let after = index
    while (after < samples.length - 1 && silent(after + 1)) after++
    longest = Math.max(longest, after - before + 1)
    index = after
  }
  return longest / rate
}

/** A chat answer from the emulator's streamed /v1/chat/completions, as text pieces. */
async function* chatText(baseURL: string, apiKey: string, answer: string, tokensPerSecond: number, marks: { firstSentenceAt: number }, firstSentence: string) {
  const response = await fetch(`${baseURL}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'x-emulator-answer': encodeURIComponent(answer), 'x-emulator-tokens-per-second': String(tokensPerSecond) },
    body: JSON.stringify({ model: 'chat', stream: true, messages: [{ role: 'user', content: 'Tell me.' }] }),
  })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    buffer += value
    const events = buffer.split('\n\n')
    buffer = events.pop()!
    for (const event of events) {
      const data = event.slice('data: '.length)
      if (data === '[DONE]') continue
      const content = (JSON.parse(data) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content
      if (!content) continue
      text += content
      // The sentence is complete once text after it shows where it ends.
      if (!marks.firstSentenceAt && text.length > firstSentence.length + 1 && text.startsWith(firstSentence)) marks.firstSentenceAt = performance.now()
      yield content
    }
  }
}

const player = createPlayer()
const history: { state: PlayerState; now: number; contextTime: number }[] = []
player.subscribe(() => history.push({ state: player.getSnapshot(), now: performance.now(), contextTime: recording?.context.currentTime ?? 0 }))
let current: { stream: { cancel(): void }; done: Promise<void> } | undefined

async function run(request: { baseURL: string; apiKey: string; format: SpeechFormat; answer: string; firstSentence: string; tokensPerSecond: number; stopAfterMs?: number }): Promise<StreamRun> {
  player.unlock()
  starts.length = 0
  history.length = 0
  const marks = { firstSentenceAt: 0 }
  const requests: { sent: number; answered: number }[] = []
  const timed: typeof fetch = async (input, init) => {
    const entry = { sent: performance.now(), answered: 0 }
    requests.push(entry)
    const response = await fetch(input, init)
    entry.answered = performance.now()
    return response
  }
  const client = createClient({ baseURL: request.baseURL, apiKey: request.apiKey, fetch: timed })
  const stream = await client.streamSpeech({
    model: 'tts', voice: 'alloy', response_format: request.format,
    text: chatText(request.baseURL, request.apiKey, request.answer, request.tokensPerSecond, marks, request.firstSentence),
  })
  const kept: SpeechSegment[] = []
  const seen = (async function* () {
    for await (const segment of stream) {
      kept.push(segment)
      yield segment
    }
  })()
  const done = player.playSegments(Object.assign(seen, { cancel: (reason?: unknown) => stream.cancel(reason) }))
  current = { stream, done }
  if (request.stopAfterMs) {
    await new Promise((resolve) => setTimeout(resolve, request.stopAfterMs))
    player.stop()
    await done.catch(() => {})
  } else {
    await done
    await new Promise<void>((resolve) => {
      const check = () => (player.getSnapshot().status === 'ended' ? resolve() : setTimeout(check, 50))
      check()
    })
    // The tap reads every 40 ms: let it catch the last window.
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  const first = starts[0]
  const audibleAt = first ? first.now + (first.when - first.contextTime) * 1000 : 0
  const pieces = await Promise.all(kept.map(async (segment) => ({
    index: segment.index, text: segment.text, start: segment.start, duration: segment.duration, mediaType: segment.mediaType, ...(await silences(segment)),
  })))
  const scheduleGaps = starts.slice(1).map((entry, index) => entry.when - (starts[index]!.when + starts[index]!.duration))
  const late = starts.slice(1).map((entry, index) => entry.contextTime >= starts[index]!.when + starts[index]!.duration)
  const contentSilences = starts.slice(1).map((_, index) => pieces[index]!.trailing + pieces[index + 1]!.leading)
  const outputGaps = request.stopAfterMs ? [] : starts.slice(1).map((entry, index) => silenceAround(entry.when) - contentSilences[index]!)
  const highlights: StreamRun['highlights'] = []
  for (const { state, contextTime } of history) {
    if (state.status === 'idle' || !state.segment) continue
    if (highlights.at(-1)?.index === state.segment.index) continue
    const scheduled = starts[state.segment.index]
    highlights.push({ index: state.segment.index, lateMs: scheduled ? (contextTime - scheduled.when) * 1000 : Number.NaN })
  }
  return {
    firstSentenceAt: marks.firstSentenceAt, audibleAt, firstByteMs: requests[0] ? requests[0].answered - requests[0].sent : 0,
    segments: pieces, scheduleGaps, late, outputGaps, contentSilences, highlights, finalStatus: player.getSnapshot().status,
  }
}

Object.assign(window, {
  run,
  sounding: () => {
    const tap = recording && taps.get(recording.context)
    if (!tap) return 0
    const data = new Float32Array(tap.fftSize)
    tap.getFloatTimeDomainData(data)
    return Math.max(...data.map(Math.abs))
  },
  state: () => {
    const state = player.getSnapshot()
    return { status: state.status, segment: state.status === 'idle' ? undefined : state.segment }
  },
  current: () => current,
  ready: true,
})
