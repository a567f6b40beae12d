import { createElementEngine } from './element-engine.ts'
import type { Engine, EngineEvents } from './engine.ts'
import type { SegmentEngine } from './segment-timeline.ts'
import type { SoundingSegment } from './state.ts'
import { wholeClip } from './whole-clip.ts'

/**
 * Pieces one after the other on the audio element, where there is no Web Audio: each piece's
 * blob URL plays once the one before has ended (with the element's small gap between them).
 */
export function createSegmentQueue(element: HTMLAudioElement, events: EngineEvents): SegmentEngine {
  let engine: Engine | undefined
  let url: string | undefined
  let sounding: SoundingSegment | undefined
  let done = 0
  let total = 0
  let paused = false
  let stopped = false
  let ended = false
  let started = false
  let wake: (() => void) | undefined

  const release = () => {
    engine?.stop()
    engine = undefined
    if (url) URL.revokeObjectURL(url)
    url = undefined
  }

  return {
    add(segment) {
      if (stopped) return Promise.resolve()
      release()
      url = URL.createObjectURL(wholeClip([segment.audio], segment.mediaType))
      sounding = { index: segment.index, text: segment.text }
      events.changed()
      return new Promise<void>((resolve) => {
        wake = resolve
        engine = createElementEngine(element, url!, {
          playing() {
            if (!started) events.playing()
            started = true
            events.changed()
          },
          ended() {
            done += engine?.duration ?? 0
            total = done
            wake = undefined
            resolve()
          },
          error: events.error,
          changed: events.changed,
        })
        if (paused) engine.pause()
      })
    },
    end() {
      ended = true
      release()
      events.ended()
    },
    pause() {
      paused = true
      engine?.pause()
    },
    resume() {
      paused = false
      engine?.resume()
    },
    stop() {
      stopped = true
      release()
      wake?.()
    },
    get currentTime() {
      return done + (engine?.currentTime ?? 0)
    },
    get duration() {
      return ended ? total : undefined
    },
    get segment() {
      return sounding
    },
  }
}
