/** `ISFT` value the emulator writes, so its own WAVs are told apart from other files. */
export const EMULATOR_SOFTWARE_TAG = 'voxfetch-emulator'

export interface WavInfo {
  /** 1 = PCM, 6 = A-law, 7 = mu-law, 0xFFFE = extensible. */
  formatTag: number
  channels: number
  sampleRate: number
  byteRate: number
  bitsPerSample: number
  /** Offset of the sample data in the file. */
  dataOffset?: number
  /** Declared size of the data chunk (undefined when the header leaves it open). */
  dataSize?: number
  /** The sample bytes present in the given buffer (may be cut short). */
  data?: Uint8Array
  /** LIST/INFO entries such as ICMT and ISFT. */
  info: Record<string, string>
}

const ascii = (bytes: Uint8Array, offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4))

/** Reads a RIFF/WAVE header from the start of a file; the buffer may hold only the head. */
export function readWav(bytes: Uint8Array): WavInfo | undefined {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const result: WavInfo = { formatTag: 0, channels: 0, sampleRate: 0, byteRate: 0, bitsPerSample: 0, info: {} }
  let offset = 12
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset)
    const size = view.getUint32(offset + 4, true)
    const body = offset + 8
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      result.formatTag = view.getUint16(body, true)
      result.channels = view.getUint16(body + 2, true)
      result.sampleRate = view.getUint32(body + 4, true)
      result.byteRate = view.getUint32(body + 8, true)
      result.bitsPerSample = view.getUint16(body + 14, true)
    } else if (id === 'LIST' && body + 4 <= bytes.length && ascii(bytes, body) === 'INFO') {
      readInfo(bytes, view, body + 4, Math.min(body + size, bytes.length), result.info)
    } else if (id === 'data') {
      const open = size === 0 || size === 0xffffffff
      result.dataOffset = body
      if (!open) result.dataSize = size
      result.data = bytes.subarray(body, open ? bytes.length : Math.min(body + size, bytes.length))
      if (open) break
    }
    offset = body + size + (size % 2)
  }
  return result
}

function readInfo(bytes: Uint8Array, view: DataView, start: number, end: number, into: Record<string, string>) {
  let offset = start
  while (offset + 8 <= end) {
    const id = ascii(bytes, offset)
    const size = view.getUint32(offset + 4, true)
    const text = bytes.subarray(offset + 8, Math.min(offset + 8 + size, end))
    into[id] = new TextDecoder().decode(text).replace(/\0+$/, '')
    offset += 8 + size + (size % 2)
  }
}

/** The spoken text the emulator stored in one of its own WAVs, else undefined. */
export function parseWavText(bytes: Uint8Array): string | undefined {
  const wav = readWav(bytes)
  if (!wav || wav.info.ISFT !== EMULATOR_SOFTWARE_TAG) return undefined
  return wav.info.ICMT
}

/** Duration in seconds from the header, when it can be known. */
export function wavDuration(wav: WavInfo, fileSize: number): number | undefined {
  if (!wav.byteRate) return undefined
  const bytes = wav.dataSize ?? (wav.dataOffset === undefined ? undefined : fileSize - wav.dataOffset)
  return bytes === undefined ? undefined : bytes / wav.byteRate
}

/** Finds a LIST/INFO chunk anywhere in `bytes` (e.g. in the tail, after the data chunk). */
export function findInfoList(bytes: Uint8Array): Record<string, string> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let offset = 0; offset + 12 <= bytes.length; offset++) {
    if (bytes[offset] !== 0x4c || ascii(bytes, offset) !== 'LIST' || ascii(bytes, offset + 8) !== 'INFO') continue
    const info: Record<string, string> = {}
    const end = Math.min(offset + 8 + view.getUint32(offset + 4, true), bytes.length)
    readInfo(bytes, view, offset + 12, end, info)
    return info
  }
  return undefined
}
