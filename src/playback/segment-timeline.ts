import type { EngineEvents, PlaybackControls } from './engine.ts'
import { createPcmStream, isStreamablePcm } from './pcm-stream.ts'
import type { PlaybackSegment, SoundingSegment } from './state.ts'
import { START_DELAY } from './web-audio-engine.ts'

/** Seconds of lead a piece that arrives after the one before has ended gets (an underrun). */
const LATE_LEAD = 0.05
/** Seconds of sound scheduled ahead at most: later pieces wait, so memory holds no more. */
export const MAX_AHEAD = 20

/** Plays pieces of one speech back to back, and says which one is sounding. */
export interface SegmentEngine extends PlaybackControls {
  /** Plays `segment` right after the previous one; resolves when the next may be added. */
  add(segment: PlaybackSegment): Promise<void>
  /** The piece sounding now (the last one started, during a gap between two). */
  readonly segment: SoundingSegment | undefined
}

interface Scheduled {
  node: AudioBufferSourceNode
  start: number
  end: number
  /** Seconds of speech before this piece. */
  offset: number
  sounding: SoundingSegment
}

/**
 * Pieces on one Web Audio timeline: each decoded piece (PCM and WAV by our parser, compressed
 * audio by `decodeAudioData`) starts at the exact sample time the previous one ends, so they
 * join without a gap unless a piece arrives after the one before has finished.
 */
export function createSegmentTimeline(context: AudioContext, events: EngineEvents): SegmentEngine {
  const scheduled: Scheduled[] = []
  const timers = new Set<ReturnType<typeof setTimeout>>()
  let last: Scheduled | undefined
  let next = 0
  let total = 0
  let started = false
  let ended = false
  let stopped = false

  const sounding = (): Scheduled | undefined => {
    const now = context.currentTime
    let found: Scheduled | undefined
    for (const entry of scheduled) if (entry.start <= now) found = entry
    return found ?? (scheduled.length === 0 ? last : undefined)
  }
  const finish = () => {
    if (!stopped && ended && scheduled.length === 0) events.ended()
  }

  return {
    async add(segment) {
      const buffer = await decode(context, segment)
      if (stopped) return
      const now = context.currentTime
      const start = !started ? now + START_DELAY : Math.max(next, now + (next < now ? LATE_LEAD : 0))
      const node = context.createBufferSource()
      node.buffer = buffer
      node.connect(context.destination)
      node.start(start)
      const entry: Scheduled = { node, start, end: start + buffer.duration, offset: total, sounding: { index: segment.index, text: segment.text } }
      scheduled.push(entry)
      next = entry.end
      total += buffer.duration
      // Say when this piece begins, for a highlight that follows the voice.
      const timer = setTimeout(() => {
        timers.delete(timer)
        events.changed()
      }, Math.max(0, (start - now) * 1000))
      timers.add(timer)
      node.onended = () => {
        scheduled.splice(scheduled.indexOf(entry), 1)
        node.disconnect()
        last = entry
        events.changed()
        finish()
      }
      if (!started) {
        started = true
        events.playing()
      }
      // Far enough ahead: wait, so pieces not yet due are not all decoded into memory at once.
      while (!stopped && next - context.currentTime > MAX_AHEAD) await new Promise((resolve) => setTimeout(resolve, 250))
    },
    end() {
      ended = true
      events.changed()
      finish()
    },
    pause() {
      context.suspend().catch(() => {})
    },
    resume() {
      context.resume().catch(() => {})
    },
    stop() {
      stopped = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const { node } of scheduled) {
        node.onended = null
        node.stop()
        node.disconnect()
      }
      scheduled.length = 0
    },
    get currentTime() {
      const entry = sounding()
      if (!entry) return 0
      return entry.offset + Math.min(Math.max(0, context.currentTime - entry.start), entry.end - entry.start)
    },
    get duration() {
      return ended ? total : undefined
    },
    get segment() {
      return sounding()?.sounding
    },
  }
}

/** A piece as an AudioBuffer: s16 PCM and WAV decoded here (exact length), others by the browser. */
async function decode(context: AudioContext, segment: PlaybackSegment): Promise<AudioBuffer> {
  if (!isStreamablePcm(segment.mediaType)) return context.decodeAudioData(segment.audio.slice().buffer as ArrayBuffer)
  const pcm = createPcmStream(segment.mediaType)
  const frames = pcm.push(segment.audio)
  if (pcm.unsupported) return context.decodeAudioData(segment.audio.slice().buffer as ArrayBuffer)
  const channels = frames?.channels ?? [new Float32Array(1)]
  const buffer = context.createBuffer(channels.length, Math.max(1, channels[0]?.length ?? 0), frames?.sampleRate ?? context.sampleRate)
  channels.forEach((data, channel) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, channel))
  return buffer
}
