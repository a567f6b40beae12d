import type { Engine, EngineEvents } from './engine.ts'
import { createPcmStream, type PcmFrames } from './pcm-stream.ts'

/**
 * Seconds between the first samples arriving and their start: room for network jitter when the
 * server sends at speaking pace, so the next buffer is always scheduled before the last ends.
 */
export const START_DELAY = 0.15
/** After an underrun the cushion doubles, up to this many seconds. */
const MAX_DELAY = 1

/**
 * Plays streamed PCM or WAV through Web Audio: each decoded stretch becomes an AudioBuffer
 * scheduled to start exactly where the previous one ends, so the clip is gapless unless the
 * network falls behind the voice (then it resumes after the late bytes, with a doubled cushion).
 */
export function createWebAudioEngine(context: AudioContext, mediaType: string, events: EngineEvents): Engine {
  const pcm = createPcmStream(mediaType)
  const active = new Set<AudioBufferSourceNode>()
  let first: number | undefined
  let delay = START_DELAY
  let next = 0
  let frames = 0
  let sampleRate = 0
  let ended = false
  let stopped = false

  function schedule({ channels, sampleRate: rate }: PcmFrames): void {
    const length = channels[0]?.length ?? 0
    const buffer = context.createBuffer(channels.length, length, rate)
    channels.forEach((data, channel) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, channel))
    const node = context.createBufferSource()
    node.buffer = buffer
    node.connect(context.destination)
    if (first !== undefined && next < context.currentTime) delay = Math.min(delay * 2, MAX_DELAY)
    if (first === undefined || next < context.currentTime) next = context.currentTime + delay
    first ??= next
    node.start(next)
    next += length / rate
    frames += length
    sampleRate = rate
    active.add(node)
    node.onended = () => {
      active.delete(node)
      node.disconnect()
      if (!stopped && ended && active.size === 0) events.ended()
      else events.changed()
    }
    if (frames === length) events.playing()
  }

  return {
    write(bytes) {
      if (stopped) return true
      const decoded = pcm.push(bytes)
      if (pcm.unsupported) return false
      if (decoded) schedule(decoded)
      return true
    },
    end() {
      ended = true
      events.changed()
      if (active.size === 0 && !stopped) events.ended()
    },
    pause() {
      context.suspend().catch(() => {})
    },
    resume() {
      context.resume().catch(() => {})
    },
    stop() {
      stopped = true
      for (const node of active) {
        node.onended = null
        node.stop()
        node.disconnect()
      }
      active.clear()
    },
    get currentTime() {
      if (first === undefined) return 0
      const played = Math.max(0, context.currentTime - first)
      return this.duration === undefined ? played : Math.min(played, this.duration)
    },
    get duration() {
      if (ended && sampleRate) return frames / sampleRate
      return pcm.declaredFrames !== undefined && sampleRate ? pcm.declaredFrames / sampleRate : undefined
    },
  }
}
