// Test page for test/browser/first-clip.test.ts: when the first streamed clip on a page is heard.
import { createClient } from '../../../src/index.ts'
import { createPlayer } from '../../../src/playback/index.ts'

/** The first AudioBufferSourceNode.start of each clip, observed on the platform (our code is not touched). */
const starts: { when: number; context: BaseAudioContext; cushion: number; state: string }[] = []
const start = AudioBufferSourceNode.prototype.start
AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when = 0, ...rest: number[]) {
  starts.push({ when, context: this.context, cushion: when - this.context.currentTime, state: this.context.state })
  return start.call(this, when, ...rest)
}

/** Every AudioContext the page makes, to read its clock at the first byte. */
const contexts: AudioContext[] = []
window.AudioContext = class extends AudioContext {
  constructor(options?: AudioContextOptions) {
    super(options)
    contexts.push(this)
  }
}

export interface ClipTiming {
  /** performance.now() of the clip's first byte. */
  firstByte: number
  /** performance.now() when its first sample leaves the output, from the context's own output timestamp. */
  heard: number
  /** The audio clock when the first byte came: 0 while the output is still opening. */
  clockAtFirstByte: number
  /** The first buffer's start: seconds ahead of the audio clock, and the context's state then. */
  cushion: number
  stateAtStart: string
}

/** Plays one short WAV clip streamed at speaking pace; resolves once its first sample is out. */
async function clip(baseURL: string, apiKey: string, unlockFirst: boolean): Promise<ClipTiming> {
  const player = (window as unknown as { player: ReturnType<typeof createPlayer> }).player
  if (unlockFirst) player.unlock()
  const client = createClient({ baseURL, apiKey, maxRetries: 0 })
  const result = await client.speech({ model: 'tts', voice: 'alloy', input: 'The first clip on a page.', response_format: 'wav', headers: { 'x-emulator-body-rate': '48000' } })
  const reader = result.body.getReader()
  let firstByte = 0
  let clockAtFirstByte = -1
  const body = new ReadableStream<Uint8Array>({
    async pull(sink) {
      const { done, value } = await reader.read()
      if (done) return sink.close()
      if (!firstByte) {
        firstByte = performance.now()
        clockAtFirstByte = contexts.at(-1)?.currentTime ?? -1
      }
      sink.enqueue(value)
    },
    cancel: (reason) => reader.cancel(reason),
  })
  const startsBefore = starts.length
  const done = player.play({ body, mediaType: result.mediaType })
  done.catch(() => {})
  while (starts.length === startsBefore) await new Promise((resolve) => setTimeout(resolve, 5))
  const first = starts[startsBefore]!
  const context = first.context as AudioContext
  // Once the clock is past the first sample, the output timestamp maps context time to page time.
  while (context.currentTime < first.when + 0.05) await new Promise((resolve) => setTimeout(resolve, 10))
  const stamp = context.getOutputTimestamp()
  const heard = stamp.performanceTime! + (first.when - stamp.contextTime!) * 1000
  player.stop()
  return { firstByte, heard, clockAtFirstByte, cushion: first.cushion, stateAtStart: first.state }
}

Object.assign(window, {
  player: createPlayer(),
  clip,
  ready: true,
})
