/**
 * Base64 for audio answers (Gemini, Cloud TTS) that can be tens of megabytes: a 10-minute
 * clip is ~38 MB of base64. Each runtime gets its fastest path, decided at call time:
 * `Uint8Array.fromBase64` (native, browsers and newer runtimes), `Buffer` on Node-likes
 * (looked up on `globalThis`: the core imports no Node module), else a table-driven loop
 * that decodes four characters at a time without building intermediate strings.
 */

type FromBase64 = (text: string, options?: { alphabet?: 'base64' | 'base64url'; lastChunkHandling?: string }) => Uint8Array
type SetFromBase64 = (text: string, options?: { alphabet?: 'base64' | 'base64url'; lastChunkHandling?: string }) => { written: number }
type BufferLike = {
  from(text: string, encoding: 'base64'): Uint8Array
  allocUnsafe(size: number): Uint8Array & { write(text: string, offset: number, encoding: 'base64'): number }
}

/** Decodes standard or URL-safe base64, with or without padding; ASCII whitespace is ignored. */
export function decodeBase64(text: string): Uint8Array {
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64
  if (typeof fromBase64 === 'function') {
    try {
      return fromBase64(text, { alphabet: /[-_]/.test(text) ? 'base64url' : 'base64', lastChunkHandling: 'loose' })
    } catch {
      // Mixed alphabets or stray characters: the table path says exactly what is wrong.
    }
  }
  const buffer = (globalThis as { Buffer?: BufferLike }).Buffer
  if (buffer && typeof buffer.from === 'function') {
    const bytes = buffer.from(text, 'base64')
    // Buffer skips characters it does not know; a short result means the input was not clean
    // base64, and the table path then says exactly what is wrong (or copes with whitespace).
    if (bytes.byteLength === decodedLength(text)) {
      return ownedBytes(bytes)
    }
  }
  return decodeBase64WithTable(text)
}

/**
 * Decodes standard base64 into a new array after `offset` free bytes, so a header can go in
 * front without copying megabytes of audio again. Falls back to decode-and-copy for input the
 * fast paths do not take (whitespace, the URL-safe alphabet).
 */
export function decodeBase64After(offset: number, text: string): Uint8Array {
  const size = decodedLength(text)
  const buffer = (globalThis as { Buffer?: BufferLike }).Buffer
  const setFromBase64 = (Uint8Array.prototype as { setFromBase64?: SetFromBase64 }).setFromBase64
  try {
    if (typeof setFromBase64 === 'function') {
      const target = new Uint8Array(offset + size)
      if (setFromBase64.call(target.subarray(offset), text).written === size) return target
    } else if (buffer && typeof buffer.allocUnsafe === 'function') {
      const target = buffer.allocUnsafe(offset + size)
      target.fill(0, 0, offset)
      if (target.write(text, offset, 'base64') === size) return ownedBytes(target)
    }
  } catch {
    // Not plain base64: decoded below, where errors are precise.
  }
  const bytes = decodeBase64(text)
  const target = new Uint8Array(offset + bytes.byteLength)
  target.set(bytes, offset)
  return target
}

/**
 * A plain Uint8Array over memory of its own. Node hands out small Buffers as slices of a shared
 * pool: a view of one would expose (through `.buffer`) whatever else lives in that pool, so
 * those are copied; large Buffers own their memory and are wrapped without a copy.
 */
function ownedBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength) {
    return new Uint8Array(bytes.buffer, 0, bytes.byteLength)
  }
  return new Uint8Array(bytes)
}

/** Bytes that clean base64 (no whitespace) decodes to. */
function decodedLength(text: string): number {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--
  return Math.floor((end * 3) / 4)
}

const INVALID = 255
const PAD = 254
const TABLE = /* @__PURE__ */ buildTable()

function buildTable(): Uint8Array {
  const table = new Uint8Array(256).fill(INVALID)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  for (let index = 0; index < alphabet.length; index++) table[alphabet.charCodeAt(index)] = index
  table['-'.charCodeAt(0)] = 62
  table['_'.charCodeAt(0)] = 63
  table['='.charCodeAt(0)] = PAD
  return table
}

/** The portable path; exported so tests can run it on runtimes that have a native decoder. */
export function decodeBase64WithTable(input: string): Uint8Array {
  try {
    return decodeClean(input)
  } catch (error) {
    // Whitespace (MIME line breaks) is rare in JSON answers: strip it only when it is there.
    if (!/[\t\n\f\r ]/.test(input)) throw error
    return decodeClean(input.replace(/[\t\n\f\r ]+/g, ''))
  }
}

function decodeClean(text: string): Uint8Array {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--
  if (text.length - end > 2 || end % 4 === 1) throw new TypeError('Invalid base64: wrong length or padding')
  const output = new Uint8Array(Math.floor((end * 3) / 4))
  const whole = end - (end % 4)
  let out = 0
  for (let index = 0; index < whole; index += 4) {
    // Four characters → 24 bits; validity is checked once per group, off the common path.
    const ca = text.charCodeAt(index)
    const cb = text.charCodeAt(index + 1)
    const cc = text.charCodeAt(index + 2)
    const cd = text.charCodeAt(index + 3)
    if ((ca | cb | cc | cd) > 255) invalid(text, index)
    const a = TABLE[ca]!
    const b = TABLE[cb]!
    const c = TABLE[cc]!
    const d = TABLE[cd]!
    if ((a | b | c | d) > 63) invalid(text, index)
    const bits = (a << 18) | (b << 12) | (c << 6) | d
    output[out++] = bits >> 16
    output[out++] = (bits >> 8) & 255
    output[out++] = bits & 255
  }
  const rest = end - whole
  if (rest >= 2) {
    const a = lookup(text, whole)
    const b = lookup(text, whole + 1)
    output[out++] = (a << 2) | (b >> 4)
    if (rest === 3) {
      const c = lookup(text, whole + 2)
      output[out++] = ((b & 15) << 4) | (c >> 2)
    }
  }
  return output
}

function lookup(text: string, index: number): number {
  const code = text.charCodeAt(index)
  const value = code < 256 ? TABLE[code]! : INVALID
  if (value >= PAD) invalid(text, index)
  return value
}

function invalid(text: string, from: number): never {
  let index = from
  while (index < text.length && (TABLE[text.charCodeAt(index)] ?? INVALID) < PAD) index++
  throw new TypeError(`Invalid base64: unexpected character at position ${index}`)
}

/** URL-safe base64 without padding (JWT segments). Meant for small inputs. */
export function encodeBase64Url(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let text = ''
  let index = 0
  for (; index + 2 < bytes.length; index += 3) {
    const chunk = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!
    text += alphabet[chunk >> 18]! + alphabet[(chunk >> 12) & 63]! + alphabet[(chunk >> 6) & 63]! + alphabet[chunk & 63]!
  }
  const rest = bytes.length - index
  if (rest > 0) {
    const chunk = (bytes[index]! << 16) | ((rest === 2 ? bytes[index + 1]! : 0) << 8)
    text += alphabet[chunk >> 18]! + alphabet[(chunk >> 12) & 63]!
    if (rest === 2) text += alphabet[(chunk >> 6) & 63]!
  }
  return text
}
