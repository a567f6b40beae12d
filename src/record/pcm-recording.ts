import { pcmToWav } from '../audio/wav.ts'

/** A growing mono 16-bit recording held in memory, from which any span can be taken as a WAV file. */
export interface PcmRecording {
  readonly sampleRate: number
  /** Samples so far. */
  readonly length: number
  /** Appends float samples (-1..1), clipped to 16 bits. */
  append(samples: Float32Array): void
  /** Samples `[start, end)` as 16-bit integers. */
  slice(start: number, end: number): Int16Array
  /** Samples `[start, end)` (the whole recording by default) as a WAV file named `name`. */
  toWav(name: string, start?: number, end?: number): File
}

const CHUNK = 16_384

/** Keeps samples in fixed chunks, so an hour of speech never needs one huge reallocation. */
export function createPcmRecording(sampleRate: number): PcmRecording {
  const chunks: Int16Array[] = []
  let length = 0

  function slice(start: number, end: number): Int16Array {
    const from = Math.max(0, Math.min(start, length))
    const to = Math.max(from, Math.min(end, length))
    const out = new Int16Array(to - from)
    for (let index = from; index < to; ) {
      const chunk = chunks[Math.floor(index / CHUNK)]!
      const offset = index % CHUNK
      const count = Math.min(CHUNK - offset, to - index)
      out.set(chunk.subarray(offset, offset + count), index - from)
      index += count
    }
    return out
  }

  return {
    sampleRate,
    get length() {
      return length
    },
    append(samples) {
      for (let index = 0; index < samples.length; index++) {
        const offset = length % CHUNK
        if (offset === 0) chunks.push(new Int16Array(CHUNK))
        const sample = Math.max(-1, Math.min(1, samples[index]!))
        chunks[chunks.length - 1]![offset] = Math.round(sample < 0 ? sample * 0x8000 : sample * 0x7fff)
        length++
      }
    },
    slice,
    toWav(name, start = 0, end = length) {
      const samples = slice(start, end)
      // WAV is little-endian, as is every platform a browser runs on: the Int16Array's bytes go as they are.
      const bytes = pcmToWav([new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)], { sampleRate, channels: 1, bitsPerSample: 16 })
      return new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'audio/wav' })
    },
  }
}
