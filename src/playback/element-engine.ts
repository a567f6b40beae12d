import { bindElement, type Engine, type EngineEvents, finiteOrUndefined, resetElement, startElement } from './engine.ts'

/**
 * The whole-clip path: nothing plays until the last byte is in, then the clip's blob URL (owned
 * by the player) goes to the audio element. Works for every type the element can play.
 */
export function createElementEngine(element: HTMLAudioElement, url: string, events: EngineEvents): Engine {
  let stopped = false
  const unbind = bindElement(element, events)
  element.src = url
  startElement(element, events, () => !stopped)
  return {
    write: () => true,
    end() {},
    pause: () => element.pause(),
    resume: () => startElement(element, events, () => !stopped),
    stop() {
      stopped = true
      unbind()
      resetElement(element)
    },
    get currentTime() {
      return element.currentTime
    },
    get duration() {
      return finiteOrUndefined(element.duration)
    },
  }
}
