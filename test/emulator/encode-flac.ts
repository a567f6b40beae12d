import { createHash } from 'node:crypto'
import { BitWriter } from './bit-writer.ts'
import { concat } from './encode-wav.ts'
import { EMULATOR_SOFTWARE_TAG } from './parse-wav.ts'

/** Vorbis comment key holding the spoken text. */
export const FLAC_TEXT_KEY = 'VOXFETCH_TEXT'
const BLOCK_SIZE = 4096

/** FLAC (16-bit mono) with constant, fixed-predictor or verbatim subframes and Rice residuals. */
export function encodeFlac(samples: Int16Array, sampleRate: number, text?: string): Uint8Array {
  const frames: Uint8Array[] = []
  for (let start = 0, number = 0; start < samples.length; start += BLOCK_SIZE, number++) {
    frames.push(encodeFrame(samples.subarray(start, start + BLOCK_SIZE), number))
  }
  const comments = [`ENCODER=${EMULATOR_SOFTWARE_TAG}`]
  if (text !== undefined) comments.push(`${FLAC_TEXT_KEY}=${text}`)
  const blockSize = Math.min(BLOCK_SIZE, Math.max(16, samples.length))
  return concat([
    Uint8Array.from('fLaC', (char) => char.charCodeAt(0)),
    metadataBlock(0, false, streamInfo(samples, sampleRate, blockSize)),
    metadataBlock(4, true, vorbisComment(comments)),
    ...frames,
  ])
}

function streamInfo(samples: Int16Array, sampleRate: number, blockSize: number): Uint8Array {
  const bits = new BitWriter()
  bits.write(blockSize, 16)
  bits.write(blockSize, 16)
  bits.write(0, 24) // min frame size unknown
  bits.write(0, 24) // max frame size unknown
  bits.write(sampleRate, 20)
  bits.write(0, 3) // one channel
  bits.write(15, 5) // 16 bits per sample
  bits.write(Math.floor(samples.length / 2 ** 32), 4)
  bits.write(samples.length >>> 0, 32)
  const pcm = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)
  bits.writeBytes(createHash('md5').update(pcm).digest())
  return bits.toBytes()
}

function vorbisComment(comments: string[]): Uint8Array {
  const encoder = new TextEncoder()
  const field = (text: string) => {
    const bytes = encoder.encode(text)
    const out = new Uint8Array(4 + bytes.length)
    new DataView(out.buffer).setUint32(0, bytes.length, true)
    out.set(bytes, 4)
    return out
  }
  const count = new Uint8Array(4)
  new DataView(count.buffer).setUint32(0, comments.length, true)
  return concat([field(EMULATOR_SOFTWARE_TAG), count, ...comments.map(field)])
}

function metadataBlock(type: number, last: boolean, body: Uint8Array): Uint8Array {
  const header = Uint8Array.of((last ? 0x80 : 0) | type, (body.length >> 16) & 0xff, (body.length >> 8) & 0xff, body.length & 0xff)
  return concat([header, body])
}

function encodeFrame(block: Int16Array, number: number): Uint8Array {
  const bits = new BitWriter()
  bits.write(0xfff8, 16) // sync, fixed block size
  bits.write(0b0111, 4) // block size: 16-bit (size - 1) at header end
  bits.write(0b0000, 4) // sample rate from STREAMINFO
  bits.write(0b0000, 4) // mono
  bits.write(0b100, 3) // 16 bits per sample
  bits.write(0, 1)
  bits.writeBytes(utf8Number(number))
  bits.write(block.length - 1, 16)
  bits.write(crc8(bits.toBytes()), 8)
  writeSubframe(bits, block)
  bits.alignToByte()
  bits.write(crc16(bits.toBytes()), 16)
  return bits.toBytes()
}

function writeSubframe(bits: BitWriter, block: Int16Array): void {
  if (block.every((sample) => sample === block[0])) {
    bits.write(0, 8) // constant subframe
    bits.write((block[0] ?? 0) & 0xffff, 16)
    return
  }
  let best: { order: number; rice: number; cost: number; residuals: Int32Array } = { order: -1, rice: 0, cost: block.length * 16, residuals: new Int32Array(0) }
  for (let order = 0; order <= Math.min(4, block.length - 1); order++) {
    const residuals = fixedResiduals(block, order)
    const { rice, cost } = bestRice(residuals)
    const total = order * 16 + 6 + 4 + cost
    if (total < best.cost) best = { order, rice, cost: total, residuals }
  }
  if (best.order < 0) {
    bits.write(0b00000010, 8) // verbatim
    for (const sample of block) bits.write(sample & 0xffff, 16)
    return
  }
  bits.write((0b001000 | best.order) << 1, 8)
  for (let index = 0; index < best.order; index++) bits.write((block[index] ?? 0) & 0xffff, 16)
  bits.write(0, 2) // Rice coding with 4-bit parameters
  bits.write(0, 4) // partition order 0
  bits.write(best.rice, 4)
  for (const residual of best.residuals) {
    const folded = residual >= 0 ? residual * 2 : -residual * 2 - 1
    bits.writeUnary(Math.floor(folded / 2 ** best.rice))
    bits.write(folded % 2 ** best.rice, best.rice)
  }
}

const FIXED: number[][] = [[], [1], [2, -1], [3, -3, 1], [4, -6, 4, -1]]

function fixedResiduals(block: Int16Array, order: number): Int32Array {
  const coefficients = FIXED[order] ?? []
  const residuals = new Int32Array(block.length - order)
  for (let index = order; index < block.length; index++) {
    let prediction = 0
    for (let tap = 0; tap < order; tap++) prediction += (coefficients[tap] ?? 0) * (block[index - tap - 1] ?? 0)
    residuals[index - order] = (block[index] ?? 0) - prediction
  }
  return residuals
}

/** Rice parameter near log2 of the mean folded residual, refined by exact cost. */
function bestRice(residuals: Int32Array): { rice: number; cost: number } {
  let sum = 0
  for (const residual of residuals) sum += residual >= 0 ? residual * 2 : -residual * 2 - 1
  const guess = Math.min(14, Math.max(0, Math.floor(Math.log2(Math.max(1, sum / Math.max(1, residuals.length))))))
  let best = { rice: 0, cost: Infinity }
  for (let rice = Math.max(0, guess - 1); rice <= Math.min(14, guess + 1); rice++) {
    let cost = 0
    for (const residual of residuals) {
      const folded = residual >= 0 ? residual * 2 : -residual * 2 - 1
      cost += Math.floor(folded / 2 ** rice) + 1 + rice
    }
    if (cost < best.cost) best = { rice, cost }
  }
  return best
}

function utf8Number(value: number): Uint8Array {
  if (value < 0x80) return Uint8Array.of(value)
  let continuation = 1
  while (value >= 2 ** (6 - continuation + 6 * continuation)) continuation++
  const bytes = [((0xff00 >> (continuation + 1)) & 0xff) | Math.floor(value / 2 ** (6 * continuation))]
  for (let index = continuation - 1; index >= 0; index--) bytes.push(0x80 | (Math.floor(value / 2 ** (6 * index)) & 0x3f))
  return Uint8Array.from(bytes)
}

function crc8(bytes: Uint8Array): number {
  let crc = 0
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff
  }
  return crc
}

function crc16(bytes: Uint8Array): number {
  let crc = 0
  for (const byte of bytes) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}
