import { createElementEngine } from './element-engine.ts'
import type { Engine, EngineEvents } from './engine.ts'
import { canStreamWithMediaSource, createMediaSourceEngine } from './media-source-engine.ts'
import { isStreamablePcm } from './pcm-stream.ts'
import { feedSegments } from './feed-segments.ts'
import { createSegmentQueue } from './segment-queue.ts'
import { createSegmentTimeline, type SegmentEngine } from './segment-timeline.ts'
import { wholeClip } from './whole-clip.ts'
import {
  abortReason, IDLE, type PlaybackDetails, type PlaybackEngine, type PlaybackMode, type PlaybackSegments, type PlaybackSource,
  type PlayerState,
} from './state.ts'
import { createWebAudioEngine } from './web-audio-engine.ts'

export interface PlayOptions {
  /**
   * `'stream'` starts the sound while the bytes still arrive (Web Audio for PCM and WAV,
   * MediaSource for MP3/AAC where the browser supports the type, else the whole clip);
   * `'whole'` waits for the last byte and plays the clip's blob URL.
   * @default 'stream'
   */
  mode?: PlaybackMode
  /** Aborting stops the sound at once, cancels the download and returns the player to idle. */
  signal?: AbortSignal
}

export interface Player {
  getSnapshot(): PlayerState
  subscribe(listener: () => void): () => void
  /**
   * Creates or resumes the AudioContext and the audio element. Call it from a user gesture (a
   * click handler) when the bytes will come later: autoplay policies only let sound start there.
   * Calling it before the request also opens the audio output while the server works, so the
   * first clip on a page is heard as soon after its first byte as later ones (in Chromium about
   * 185 ms, the 150 ms start cushion included, against 190–300 ms when `play` opens the output).
   * `play` calls it too. Does nothing outside a browser.
   */
  unlock(): void
  /**
   * Plays a clip, stopping the one before at once. Resolves with the whole clip as a Blob when
   * its last byte is in (the sound may still be playing; raw PCM comes wrapped in WAV so it plays
   * and downloads anywhere); rejects with the stream's error, or an
   * `AbortError` when aborted, stopped or superseded.
   */
  play(source: PlaybackSource | Blob, options?: PlayOptions): Promise<Blob>
  /**
   * Plays the pieces of one speech back to back as they come (a `SpeechStream` of
   * `streamSpeech`, or any async iterable of `{ index, text, audio, mediaType }`), stopping the
   * clip before. With Web Audio each piece starts at the exact sample time the previous one ends
   * (gapless for PCM and WAV; MP3 and other compressed pieces are decoded and scheduled the same
   * way, with the silence their encoder adds); without it, pieces play one after another on the
   * audio element. `state.segment` is the piece sounding now. Resolves once the last piece is
   * scheduled; rejects with the pieces' error (the sound before it plays out, then the state is
   * `error`), or an `AbortError` when aborted, stopped or superseded.
   */
  playSegments(segments: PlaybackSegments, options?: Pick<PlayOptions, 'signal'>): Promise<void>
  pause(): void
  resume(): void
  /** Stops the sound at once, cancels a download in progress, revokes the clip's URL: back to idle. */
  stop(): void
  /** `stop()`, then closes the AudioContext. The player stays usable: it re-creates what it needs. */
  close(): void
}

interface Session {
  controller: AbortController
  mediaType: string
  engine: Engine | undefined
  kind: PlaybackEngine
  blob: Blob | undefined
  url: string | undefined
  started: boolean
  /** With `playSegments`: what plays the pieces, and an error to report once their sound ended. */
  segments?: SegmentEngine
  failure?: Error
}

const TICK_MS = 250

/**
 * A framework-agnostic player for speech in browsers, a store like the request store: one clip
 * at a time, one owner for every resource (AudioContext, audio element, object URLs).
 */
export function createPlayer(): Player {
  let state: PlayerState = IDLE
  let session: Session | undefined
  let context: AudioContext | undefined
  let element: HTMLAudioElement | undefined
  let ticker: ReturnType<typeof setInterval> | undefined
  let paused = false
  const listeners = new Set<() => void>()

  const set = (next: PlayerState) => {
    state = next
    const playing = next.status === 'playing'
    if (playing && !ticker) ticker = setInterval(refresh, TICK_MS)
    if (!playing && ticker) ticker = void clearInterval(ticker)
    for (const listener of [...listeners]) listener()
  }
  const details = (current: Session): PlaybackDetails => ({
    mediaType: current.mediaType,
    engine: current.kind,
    currentTime: (current.segments ?? current.engine)?.currentTime ?? 0,
    duration: (current.segments ?? current.engine)?.duration,
    blob: current.blob,
    url: current.url,
    segment: current.segments?.segment,
  })
  function refresh(): void {
    if (!session || state.status === 'idle') return
    const next = { ...state, ...details(session) } as PlayerState
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((key) => next[key] !== state[key])
    if (changed) set(next)
  }
  function update(current: Session, status: 'loading' | 'playing' | 'paused' | 'ended'): void {
    if (session === current) set({ status, ...details(current) })
  }
  function fail(current: Session, error: Error): void {
    if (session !== current) return
    current.engine?.stop()
    current.segments?.stop()
    current.controller.abort(error)
    set({ status: 'error', error, ...details(current) })
  }
  function release(): void {
    const current = session
    session = undefined
    if (!current) return
    current.engine?.stop()
    current.segments?.stop()
    current.controller.abort()
    if (current.url) URL.revokeObjectURL(current.url)
  }
  function stop(): void {
    paused = false
    release()
    if (state !== IDLE) set(IDLE)
  }
  function unlock(): void {
    if (typeof window === 'undefined') return
    const AudioContextClass = window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
    if (AudioContextClass && (!context || context.state === 'closed')) context = new AudioContextClass()
    if (context?.state === 'suspended') context.resume().catch(() => {})
    element ??= new Audio()
  }
  function events(current: Session): EngineEvents {
    return {
      playing() {
        if (session !== current) return
        current.started = true
        update(current, paused ? 'paused' : 'playing')
      },
      ended: () => (current.failure ? fail(current, current.failure) : update(current, 'ended')),
      changed: () => session === current && refresh(),
      error(error) {
        // A streaming engine that fails before a sound gives way to the whole-clip path.
        if (session === current && !current.started && current.kind !== 'element' && !current.blob && !current.segments) {
          current.engine?.stop()
          current.engine = undefined
          current.kind = 'element'
          return
        }
        fail(current, error)
      },
    }
  }
  function chooseEngine(current: Session, mode: PlaybackMode): void {
    if (mode !== 'stream') return
    if (context && isStreamablePcm(current.mediaType)) {
      current.kind = 'web-audio'
      current.engine = createWebAudioEngine(context, current.mediaType, events(current))
    } else if (element && canStreamWithMediaSource(current.mediaType)) {
      current.kind = 'media-source'
      current.engine = createMediaSourceEngine(element, current.mediaType, events(current))
    }
  }
  async function download(current: Session, body: ReadableStream<Uint8Array>): Promise<Blob> {
    const reader = body.getReader()
    const signal = current.controller.signal
    const cancel = () => void reader.cancel(abortReason(signal)).catch(() => {})
    signal.addEventListener('abort', cancel, { once: true })
    const chunks: Uint8Array[] = []
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (signal.aborted) throw abortReason(signal)
        if (done) break
        chunks.push(value)
        if (current.engine && !current.engine.write(value)) {
          // Not PCM after all (an 8-bit or float WAV): play the whole clip instead.
          current.engine.stop()
          current.engine = undefined
          current.kind = 'element'
        }
      }
    } finally {
      signal.removeEventListener('abort', cancel)
    }
    const blob = wholeClip(chunks, current.mediaType)
    current.blob = blob
    current.url = URL.createObjectURL(blob)
    if (current.engine) current.engine.end()
    else if (element) {
      current.engine = createElementEngine(element, current.url, events(current))
      if (paused) current.engine.pause()
    }
    refresh()
    return blob
  }

  /** `play` with a signal already aborted: the clip before is gone, this one's body is let go. */
  function refuseAborted(source: PlaybackSource | Blob, signal: AbortSignal): Promise<never> {
    if (!(typeof Blob !== 'undefined' && source instanceof Blob)) (source as PlaybackSource).body.cancel(abortReason(signal)).catch(() => {})
    if (state !== IDLE) set(IDLE)
    return Promise.reject(abortReason(signal))
  }

  /** A caller's abort of `current`: silence it and settle the state, unless a newer clip took over. */
  const silenceOnAbort = (current: Session) => () => {
    if (session !== current) return
    release()
    set(IDLE)
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    unlock,
    play(source, options = {}) {
      release()
      unlock()
      paused = false
      const external = options.signal
      const isBlob = typeof Blob !== 'undefined' && source instanceof Blob
      const current: Session = {
        controller: new AbortController(),
        mediaType: isBlob ? source.type : (source as PlaybackSource).mediaType,
        engine: undefined,
        kind: 'element',
        blob: undefined,
        url: undefined,
        started: false,
      }
      if (external?.aborted) return refuseAborted(source, external)
      session = current
      const body = isBlob ? source.stream() : (source as PlaybackSource).body
      chooseEngine(current, options.mode ?? 'stream')
      const onAbort = silenceOnAbort(current)
      external?.addEventListener('abort', onAbort, { once: true })
      update(current, 'loading')
      return download(current, body).then(
        (blob) => {
          external?.removeEventListener('abort', onAbort)
          if (session !== current) throw abortReason(current.controller.signal)
          return blob
        },
        (error: unknown) => {
          external?.removeEventListener('abort', onAbort)
          if (session === current && !current.controller.signal.aborted) fail(current, error instanceof Error ? error : new Error(String(error)))
          throw error
        },
      )
    },
    playSegments(segments, options = {}) {
      release()
      unlock()
      paused = false
      const external = options.signal
      if (external?.aborted) return Promise.reject(abortReason(external))
      if (!context && !element) return Promise.reject(new Error('Nothing can play audio here: there is neither Web Audio nor an audio element'))
      const current: Session = {
        controller: new AbortController(),
        mediaType: '',
        engine: undefined,
        kind: context ? 'web-audio' : 'element',
        blob: undefined,
        url: undefined,
        started: false,
      }
      session = current
      const engine = context ? createSegmentTimeline(context, events(current)) : createSegmentQueue(element!, events(current))
      current.segments = engine
      const onAbort = silenceOnAbort(current)
      external?.addEventListener('abort', onAbort, { once: true })
      update(current, 'loading')
      const onPiece = (mediaType: string) => {
        current.mediaType ||= mediaType
        refresh()
      }
      return feedSegments(segments, engine, current.controller.signal, onPiece).then(
        () => {
          external?.removeEventListener('abort', onAbort)
          if (session !== current) throw abortReason(current.controller.signal)
        },
        (error: unknown) => {
          external?.removeEventListener('abort', onAbort)
          if (session === current && !current.controller.signal.aborted) {
            // The sound already scheduled plays out; then the state says what went wrong.
            current.failure = error instanceof Error ? error : new Error(String(error))
            engine.end()
          }
          throw error
        },
      )
    },
    pause() {
      if (!session || (state.status !== 'playing' && state.status !== 'loading')) return
      paused = true
      session.engine?.pause()
      session.segments?.pause()
      update(session, 'paused')
    },
    resume() {
      if (!session || state.status !== 'paused') return
      paused = false
      session.engine?.resume()
      session.segments?.resume()
      update(session, session.started ? 'playing' : 'loading')
    },
    stop,
    close() {
      stop()
      if (context && context.state !== 'closed') context.close().catch(() => {})
      context = undefined
      element = undefined
    },
  }
}
