/** How a clip is played: as its bytes arrive, or once the last byte is in. */
export type PlaybackMode = 'stream' | 'whole'

/**
 * What plays the current clip: Web Audio (streamed PCM/WAV), MediaSource (streamed MP3/AAC) or
 * the clip's blob URL on an audio element (the whole-clip path, and the fallback).
 */
export type PlaybackEngine = 'web-audio' | 'media-source' | 'element'

/** Audio a player can play: a `SpeechResult` (its `body` is read), or anything shaped like one. */
export interface PlaybackSource {
  body: ReadableStream<Uint8Array>
  /** e.g. `audio/wav`, `audio/mpeg`, `audio/pcm`, `audio/L16;codec=pcm;rate=24000`. */
  mediaType: string
}

/**
 * One piece of a speech spoken piece by piece (a `SpeechSegment` of `streamSpeech` is one):
 * its audio whole, and the text it says.
 */
export interface PlaybackSegment {
  index: number
  text: string
  audio: Uint8Array
  /** e.g. `audio/wav`, `audio/pcm`, `audio/mpeg`. */
  mediaType: string
}

/** Pieces to play in order, e.g. a `SpeechStream`; `cancel` (when it has one) is called on stop. */
export type PlaybackSegments = AsyncIterable<PlaybackSegment> & { cancel?(reason?: unknown): void }

/** The piece sounding now, for a highlight that follows the voice. */
export interface SoundingSegment {
  index: number
  text: string
}

export interface PlaybackDetails {
  mediaType: string
  engine: PlaybackEngine
  /** Seconds into the clip. */
  currentTime: number
  /** Seconds, once known (a WAV header with a real size, or the end of the stream). */
  duration: number | undefined
  /** The whole clip, once its last byte is in: for replay and download. */
  blob: Blob | undefined
  /**
   * A `blob:` URL of `blob`, owned by the player: revoked when the next clip starts, on `stop()`
   * and on `close()`. Copy the blob if it must outlive that.
   */
  url: string | undefined
  /** With `playSegments`: the piece sounding now (the last one started, between two). */
  segment: SoundingSegment | undefined
}

/** Where the player stands. Snapshots are replaced, never mutated, so they compare by identity. */
export type PlayerState =
  | { status: 'idle' }
  | ({ status: 'loading' | 'playing' | 'paused' | 'ended' } & PlaybackDetails)
  | ({ status: 'error'; error: Error } & PlaybackDetails)

export type PlayerStatus = PlayerState['status']

export const IDLE: PlayerState = /* @__PURE__ */ Object.freeze({ status: 'idle' })

export function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The playback was aborted.', 'AbortError')
}
