import { elementPlayback, type Engine, type EngineEvents, finiteOrUndefined } from './engine.ts'

/**
 * The whole-clip path: nothing plays until the last byte is in, then the clip's blob URL (owned
 * by the player) goes to the audio element. Works for every type the element can play.
 */
export function createElementEngine(element: HTMLAudioElement, url: string, events: EngineEvents): Engine {
  const playback = elementPlayback(element, events)
  playback.start(url)
  return {
    write: () => true,
    end() {},
    pause: playback.pause,
    resume: playback.resume,
    stop: playback.stop,
    get currentTime() {
      return element.currentTime
    },
    get duration() {
      return finiteOrUndefined(element.duration)
    },
  }
}
