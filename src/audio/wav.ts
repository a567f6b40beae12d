/** Raw PCM layout: what a WAV header must describe. */
export interface PcmFormat {
  sampleRate: number
  channels: number
  bitsPerSample: number
}

/** Gemini's (and OpenAI `pcm`'s) layout when a MIME type says nothing more. */
export const DEFAULT_PCM: PcmFormat = { sampleRate: 24_000, channels: 1, bitsPerSample: 16 }

export const WAV_HEADER_BYTES = 44
const HEADER_BYTES = WAV_HEADER_BYTES

/** The layouts voxfetch writes a WAV header for or plays; Web Audio buffers take 1–32 channels. */
const MAX_CHANNELS = 32
const SAMPLE_RATES = { min: 1_000, max: 768_000 }

/**
 * What makes `format` a layout no WAV header should state (a field its 16- or 32-bit slot would
 * wrap, or a value no real audio has), `undefined` when it is plausible. The values come from
 * a server (a Gemini `mimeType`, a WAV header): refused, never wrapped.
 */
export function pcmLayoutProblem({ channels, sampleRate, bitsPerSample }: PcmFormat): string | undefined {
  const within = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max
  if (!within(channels, 1, MAX_CHANNELS)) return `${channels} channels`
  if (!within(sampleRate, SAMPLE_RATES.min, SAMPLE_RATES.max)) return `${sampleRate} Hz`
  if (![8, 16, 24, 32].includes(bitsPerSample)) return `${bitsPerSample} bits per sample`
  return undefined
}

/** `audio/pcm` for OpenAI's layout (24 kHz mono); other layouts say theirs in parameters. */
export function pcmMediaType(format: PcmFormat): string {
  return format.sampleRate === DEFAULT_PCM.sampleRate && format.channels === DEFAULT_PCM.channels
    ? 'audio/pcm'
    : `audio/pcm;rate=${format.sampleRate};channels=${format.channels}`
}

/**
 * Reads the PCM layout from a MIME type such as `audio/L16;codec=pcm;rate=24000` (RFC 2586
 * parameters `rate` and `channels`); `undefined` when the type is not raw PCM. The values are
 * the server's: check them with `pcmLayoutProblem` before writing or playing them.
 */
export function parsePcmMediaType(mediaType: string): PcmFormat | undefined {
  const [essence = '', ...parameters] = mediaType.split(';').map((part) => part.trim().toLowerCase())
  const values = new Map(parameters.map((parameter) => {
    const [name = '', value = ''] = parameter.split('=')
    return [name.trim(), value.trim().replace(/^"|"$/g, '')] as const
  }))
  const bits = /^audio\/l(8|16|24|32)$/.exec(essence)?.[1]
  const isPcm = bits !== undefined || essence === 'audio/pcm' || (essence.startsWith('audio/') && values.get('codec') === 'pcm')
  if (!isPcm) return undefined
  const positive = (value: string | undefined, fallback: number) => {
    const number = Number(value)
    return value && Number.isInteger(number) && number > 0 ? number : fallback
  }
  return {
    sampleRate: positive(values.get('rate'), DEFAULT_PCM.sampleRate),
    channels: positive(values.get('channels'), DEFAULT_PCM.channels),
    bitsPerSample: bits ? Number(bits) : DEFAULT_PCM.bitsPerSample,
  }
}

/**
 * Writes a canonical 44-byte RIFF/WAVE header for `dataBytes` of little-endian PCM into the
 * start of `target`. The caller leaves room for it, so the samples are never copied twice.
 */
export function writeWavHeader(target: Uint8Array, dataBytes: number, format: PcmFormat): void {
  const problem = pcmLayoutProblem(format)
  if (problem) throw new RangeError(`A WAV header cannot state ${problem}`)
  const view = new DataView(target.buffer, target.byteOffset, HEADER_BYTES)
  const blockAlign = format.channels * (format.bitsPerSample / 8)
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) view.setUint8(offset + index, text.charCodeAt(index))
  }
  // RIFF chunks are word-aligned: an odd data chunk gets a pad byte counted in the RIFF size only.
  const padded = dataBytes + (dataBytes % 2)
  ascii(0, 'RIFF')
  view.setUint32(4, 36 + padded, true)
  ascii(8, 'WAVE')
  ascii(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true) // PCM
  view.setUint16(22, format.channels, true)
  view.setUint32(24, format.sampleRate, true)
  view.setUint32(28, format.sampleRate * blockAlign, true)
  view.setUint16(32, blockAlign, true)
  view.setUint16(34, format.bitsPerSample, true)
  ascii(36, 'data')
  view.setUint32(40, dataBytes, true)
}

/** The size a streamed WAV declares while its length is unknown: FFmpeg (Chromium) reads it as "to the end". */
export const UNKNOWN_WAV_SIZE = 0xffffffff

/**
 * A WAV header for PCM of a length not known yet (a stream): RIFF and data sizes are
 * 0xFFFFFFFF, the convention players that read WAV as it grows accept.
 */
export function streamingWavHeader(format: PcmFormat): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES)
  writeWavHeader(header, 0, format)
  const view = new DataView(header.buffer)
  view.setUint32(4, UNKNOWN_WAV_SIZE, true)
  view.setUint32(40, UNKNOWN_WAV_SIZE, true)
  return header
}

/**
 * Once a streamed WAV is complete, writes its real sizes in place of the unknown ones, so the
 * whole file states its exact duration. Other bytes are left as they are.
 */
export function sealStreamedWav(bytes: Uint8Array): void {
  if (bytes.byteLength < HEADER_BYTES) return
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES)
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4))
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE' || tag(36) !== 'data' || view.getUint32(40, true) !== UNKNOWN_WAV_SIZE) return
  const dataBytes = bytes.byteLength - HEADER_BYTES
  view.setUint32(4, 36 + dataBytes, true)
  view.setUint32(40, dataBytes, true)
}

/** PCM chunks → one playable WAV file (one copy of the samples). */
export function pcmToWav(chunks: Uint8Array[], format: PcmFormat = DEFAULT_PCM): Uint8Array {
  const dataBytes = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  const wav = new Uint8Array(HEADER_BYTES + dataBytes + (dataBytes % 2))
  writeWavHeader(wav, dataBytes, format)
  let offset = HEADER_BYTES
  for (const chunk of chunks) {
    wav.set(chunk, offset)
    offset += chunk.byteLength
  }
  return wav
}

/**
 * The samples of a WAV file (its `data` chunk) and their layout, walking the chunk list so
 * headers with extra chunks (LIST, fact) are handled; `undefined` when it is not PCM WAV.
 */
export function wavToPcm(bytes: Uint8Array): { pcm: Uint8Array; format: PcmFormat } | undefined {
  if (bytes.byteLength < 12) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tag = (offset: number) => String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!)
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined
  let format: PcmFormat | undefined
  for (let offset = 12; offset + 8 <= bytes.byteLength; ) {
    const id = tag(offset)
    const size = view.getUint32(offset + 4, true)
    const body = offset + 8
    if (id === 'fmt ' && body + 16 <= bytes.byteLength) {
      if (view.getUint16(body, true) !== 1) return undefined
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bitsPerSample: view.getUint16(body + 14, true) }
    } else if (id === 'data' && format) {
      // Streamed WAVs may carry 0 or 0xFFFFFFFF as the size: the data runs to the end.
      const end = size === 0 || size === 0xffffffff ? bytes.byteLength : Math.min(body + size, bytes.byteLength)
      return { pcm: bytes.subarray(body, end), format }
    }
    offset = body + size + (size % 2)
  }
  return undefined
}
