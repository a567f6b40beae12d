import { concatBytes } from '../util/concat-bytes.ts'
import { elementPlayback, type Engine, type EngineEvents, finiteOrUndefined } from './engine.ts'

type MediaSourceClass = typeof MediaSource

/** Safari's ManagedMediaSource where there is one (iPhone has nothing else), else MediaSource. */
export function mediaSourceClass(): MediaSourceClass | undefined {
  const scope = globalThis as { ManagedMediaSource?: MediaSourceClass; MediaSource?: MediaSourceClass }
  return scope.ManagedMediaSource ?? scope.MediaSource
}

/** Whether this browser can stream `mediaType` (MP3, AAC…) through MediaSource. */
export function canStreamWithMediaSource(mediaType: string): boolean {
  try {
    return mediaSourceClass()?.isTypeSupported(mediaType) === true
  } catch {
    return false
  }
}

/**
 * Plays a compressed stream through MediaSource on the player's audio element: bytes are appended
 * as they arrive and the element starts as soon as it can. The MediaSource's object URL is
 * revoked as soon as the element has opened it.
 */
export function createMediaSourceEngine(element: HTMLAudioElement, mediaType: string, events: EngineEvents): Engine {
  const Source = mediaSourceClass()!
  const source = new Source()
  const url = URL.createObjectURL(source)
  let revoked = false
  const revoke = () => {
    if (!revoked) URL.revokeObjectURL(url)
    revoked = true
  }
  const queue: Uint8Array[] = []
  let buffer: SourceBuffer | undefined
  let ended = false
  const playback = elementPlayback(element, events)

  const pump = () => {
    if (playback.stopped || !buffer || buffer.updating || source.readyState !== 'open') return
    // Everything that arrived during the last append goes in one: appends run one at a time, so
    // a trickle of small network chunks would otherwise queue up behind each other.
    const next = queue.length > 0 ? concatBytes(queue.splice(0)) : undefined
    try {
      if (next) buffer.appendBuffer(next as Uint8Array<ArrayBuffer>)
      else if (ended) source.endOfStream()
    } catch (error) {
      events.error(error as Error)
    }
  }
  source.addEventListener('sourceopen', () => {
    revoke()
    if (playback.stopped) return
    try {
      buffer = source.addSourceBuffer(mediaType)
    } catch (error) {
      return events.error(error as Error)
    }
    buffer.addEventListener('updateend', pump)
    pump()
  }, { once: true })
  // ManagedMediaSource plays only where AirPlay is off.
  if ('ManagedMediaSource' in globalThis) element.disableRemotePlayback = true
  playback.start(url)

  return {
    write(bytes) {
      queue.push(bytes)
      pump()
      return true
    },
    end() {
      ended = true
      pump()
    },
    pause: playback.pause,
    resume: playback.resume,
    stop() {
      playback.stop()
      revoke()
    },
    get currentTime() {
      return element.currentTime
    },
    get duration() {
      return ended ? finiteOrUndefined(element.duration) : undefined
    },
  }
}
