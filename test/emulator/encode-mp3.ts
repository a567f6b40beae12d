import { Mp3Encoder } from '@breezystack/lamejs'
import { concat } from './encode-wav.ts'
import { EMULATOR_SOFTWARE_TAG } from './parse-wav.ts'

/** ID3 TXXX descriptions the emulator writes (and reads back when transcribing). */
export const ID3_TEXT = 'voxfetch-text'
export const ID3_DURATION = 'voxfetch-duration'

/** MP3 (lamejs, 48 kbit/s mono) behind an ID3v2.4 tag carrying the spoken text and duration. */
export function encodeMp3(samples: Int16Array, sampleRate: number, text?: string): Uint8Array {
  const encoder = new Mp3Encoder(1, sampleRate, 48)
  const frames: Uint8Array[] = []
  for (let start = 0; start < samples.length; start += 1152) {
    const frame = encoder.encodeBuffer(samples.subarray(start, start + 1152))
    if (frame.length) frames.push(new Uint8Array(frame))
  }
  const tail = encoder.flush()
  if (tail.length) frames.push(new Uint8Array(tail))
  const tags: Record<string, string> = { [ID3_DURATION]: String(samples.length / sampleRate) }
  if (text !== undefined) tags[ID3_TEXT] = text
  return concat([id3Tag(tags), ...frames])
}

function id3Tag(texts: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder()
  const frames = [frame('TSSE', concat([Uint8Array.of(3), encoder.encode(EMULATOR_SOFTWARE_TAG)]))]
  for (const [description, value] of Object.entries(texts)) {
    frames.push(frame('TXXX', concat([Uint8Array.of(3), encoder.encode(description), Uint8Array.of(0), encoder.encode(value)])))
  }
  const body = concat(frames)
  const header = Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0, ...syncsafe(body.length))
  return concat([header, body])
}

function frame(id: string, body: Uint8Array): Uint8Array {
  const header = Uint8Array.of(...Array.from(id, (char) => char.charCodeAt(0)), ...syncsafe(body.length), 0, 0)
  return concat([header, body])
}

const syncsafe = (size: number) => [(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]
