import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TEST_KEYS } from '../emulator/index.ts'

export const proxyAuth = { authorization: `Bearer ${TEST_KEYS.proxy}` }
export const openaiAuth = { authorization: `Bearer ${TEST_KEYS.openai}` }

/** POSTs JSON and returns the response. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
}

/** POSTs a multipart form with a file part and text fields. */
export function postForm(
  url: string,
  file: { bytes: Uint8Array; filename?: string; type?: string } | undefined,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item)
  }
  if (file) {
    const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type ?? 'audio/wav' })
    if (file.filename === undefined) form.append('file', blob)
    else form.append('file', blob, file.filename)
  }
  return fetch(url, { method: 'POST', headers, body: form })
}

export async function errorOf(response: Response): Promise<{ message: string; [key: string]: unknown }> {
  const body = (await response.json()) as { error: { message: string } }
  return body.error
}

/** soxi/sox are optional: audio assertions that need them are skipped without. */
// sox decodes what the emulator encodes only with its MP3, FLAC and Ogg handlers; Debian's
// `sox` package alone has no MP3 (that is libsox-fmt-mp3). Without all of them, no sox checks.
const soxFormats = spawnSync('sox', ['-h'], { encoding: 'utf8' }).stdout?.match(/AUDIO FILE FORMATS:(.*)/)?.[1]?.split(/\s+/) ?? []
export const hasSox = ['mp3', 'flac', 'ogg', 'wav'].every((format) => soxFormats.includes(format))

const scratch = mkdtempSync(join(tmpdir(), 'voxfetch-emulator-'))

/** Runs `soxi -<flag>` on bytes written to a temp file. */
export function soxi(bytes: Uint8Array, extension: string, flag: 'r' | 'D' | 'c' | 'e' | 'b' | 'a'): string {
  const path = join(scratch, `clip-${Math.random().toString(36).slice(2)}.${extension}`)
  writeFileSync(path, bytes)
  return execFileSync('soxi', [`-${flag}`, path], { encoding: 'utf8' }).trim()
}

/** Decodes audio with sox to raw s16le mono samples. */
export function soxDecode(bytes: Uint8Array, extension: string): Int16Array {
  const path = join(scratch, `clip-${Math.random().toString(36).slice(2)}.${extension}`)
  writeFileSync(path, bytes)
  const raw = execFileSync('sox', [path, '-t', 'raw', '-e', 'signed', '-b', '16', '-L', '-'], { maxBuffer: 64 * 1024 * 1024 })
  return new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2)
}

/** A plain PCM WAV with no emulator tags (what a client or another tool would produce). */
export function plainWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2)
  const view = new DataView(bytes.buffer)
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)))
  text(0, 'RIFF')
  view.setUint32(4, 36 + samples.length * 2, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, 1, true)
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * 2, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  text(36, 'data')
  view.setUint32(40, samples.length * 2, true)
  samples.forEach((sample, index) => view.setInt16(44 + index * 2, sample, true))
  return bytes
}

/** Reads fmt fields of a WAV. */
export function wavFields(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const ascii = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4))
  return {
    riff: ascii(0), wave: ascii(8), fmt: ascii(12),
    formatTag: view.getUint16(20, true), channels: view.getUint16(22, true),
    sampleRate: view.getUint32(24, true), bitsPerSample: view.getUint16(34, true),
  }
}

export const scenario = () => `scenario-${Math.random().toString(36).slice(2)}`
