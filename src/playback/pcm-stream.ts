import { parsePcmMediaType, pcmLayoutProblem, type PcmFormat } from '../audio/wav.ts'
import { essence } from '../audio/media-type.ts'
import { createWavHeadReader } from './wav-head.ts'

/** Samples of one stretch of audio, one array per channel, ready for an AudioBuffer. */
export interface PcmFrames {
  channels: Float32Array[]
  sampleRate: number
}

export interface PcmStream {
  /** Takes the next bytes as they came; returns the whole frames they complete, if any. */
  push(bytes: Uint8Array): PcmFrames | undefined
  /** Frames the WAV header announces, when it gives a real size (streamed WAVs often do not). */
  readonly declaredFrames: number | undefined
  /** Set once the bytes turn out not to be 16-bit PCM: play them another way. */
  readonly unsupported: boolean
}

/** Whether `mediaType` is audio this parser may stream: WAV, or raw PCM with a known, plausible layout. */
export function isStreamablePcm(mediaType: string): boolean {
  return essence(mediaType) === 'audio/wav' || essence(mediaType) === 'audio/x-wav' || rawLayout(mediaType) !== undefined
}

function rawLayout(mediaType: string): PcmFormat | undefined {
  const format = parsePcmMediaType(mediaType)
  return format && !pcmLayoutProblem(format) ? format : undefined
}

/**
 * Turns a byte stream of s16le PCM (raw, layout from the media type, or behind a WAV header)
 * into float frames. Chunks may split a header, a sample or a frame anywhere: the remainder is
 * carried into the next push.
 */
export function createPcmStream(mediaType: string): PcmStream {
  let format: PcmFormat | undefined = isWav(mediaType) ? undefined : rawLayout(mediaType)
  let pending: Uint8Array = new Uint8Array(0)
  const wavHead = isWav(mediaType) ? createWavHeadReader() : undefined
  const state = { declaredFrames: undefined as number | undefined, unsupported: false }

  function push(bytes: Uint8Array): PcmFrames | undefined {
    if (state.unsupported) return undefined
    if (!format && wavHead) {
      // The header reader keeps none of the header's bytes: only the samples after it come out.
      const head = wavHead.push(bytes)
      if (head === 'more') return undefined
      if (!head || head.format.bitsPerSample !== 16) {
        state.unsupported = true
        return undefined
      }
      format = head.format
      const frameBytes = format.channels * 2
      if (head.dataBytes !== undefined) state.declaredFrames = Math.floor(head.dataBytes / frameBytes)
      bytes = head.samples
    }
    pending = pending.byteLength ? join(pending, bytes) : bytes
    if (!format || format.bitsPerSample !== 16) {
      state.unsupported = true
      return undefined
    }
    const frameBytes = format.channels * 2
    const frames = Math.floor(pending.byteLength / frameBytes)
    if (frames === 0) return undefined
    const whole = pending.subarray(0, frames * frameBytes)
    // Keep a copy of the split frame: the caller may reuse its buffer.
    pending = pending.slice(frames * frameBytes)
    return { channels: deinterleave(whole, format.channels, frames), sampleRate: format.sampleRate }
  }

  return {
    push,
    get declaredFrames() {
      return state.declaredFrames
    },
    get unsupported() {
      return state.unsupported
    },
  }
}

function isWav(mediaType: string): boolean {
  const type = essence(mediaType)
  return type === 'audio/wav' || type === 'audio/x-wav' || type === 'audio/wave' || type === 'audio/vnd.wave'
}

function deinterleave(bytes: Uint8Array, channelCount: number, frames: number): Float32Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames))
  for (let frame = 0, offset = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channelCount; channel++, offset += 2) {
      channels[channel]![frame] = view.getInt16(offset, true) / 32768
    }
  }
  return channels
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength)
  joined.set(a)
  joined.set(b, a.byteLength)
  return joined
}
