import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// eSpeak is deterministic: the same text, variant and rate always give the same WAV. Each test
// file runs in a process of its own, so without a shared copy every file paid again for the
// sentences the others had already spoken (about a second each, plus the worker's start).
const DIRECTORY = join(tmpdir(), 'voxfetch-emulator-speech-v1')
/** Files above this size are not kept (300 spoken characters stay far below it). */
const MAX_ENTRY_BYTES = 4 * 1024 * 1024

/**
 * The WAV eSpeak made for `key` in any earlier run on this machine, else `make()`'s, kept for the
 * next. A missing, unreadable or unwritable cache only costs the synthesis.
 */
export async function cachedSpeech(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const file = join(DIRECTORY, `${createHash('sha256').update(key).digest('hex')}.wav`)
  const kept = await readFile(file).catch(() => undefined)
  if (kept && kept.byteLength > 44) return new Uint8Array(kept.buffer, kept.byteOffset, kept.byteLength)
  const wav = await make()
  if (wav.byteLength <= MAX_ENTRY_BYTES) {
    // Written aside and renamed, so a concurrent reader never sees half a file.
    const partial = `${file}.${process.pid}.${Date.now()}.part`
    await mkdir(DIRECTORY, { recursive: true })
      .then(() => writeFile(partial, wav))
      .then(() => rename(partial, file))
      .catch(() => {})
  }
  return wav
}
