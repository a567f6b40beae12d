import { createHash } from 'node:crypto'

/**
 * Remembers the samples of every clip the emulator spoke, so a transcription of that audio
 * answers its text even after a client re-wrapped it (Gemini PCM → WAV, pcm → WAV).
 */
const WINDOW = 16 * 1024
const LIMIT = 2000
const spoken = new Map<string, string>()

export function registerSpeech(samples: Int16Array, text: string): void {
  const bytes = new Uint8Array(samples.length * 2)
  const view = new DataView(bytes.buffer)
  samples.forEach((sample, index) => view.setInt16(index * 2, sample, true))
  const key = fingerprint(bytes, true)
  if (!key) return
  spoken.delete(key)
  spoken.set(key, text)
  if (spoken.size > LIMIT) spoken.delete(spoken.keys().next().value as string)
}

/**
 * Looks up s16le sample bytes; `complete` says the bytes run to the end of the clip
 * (a clip shorter than the window only matches when complete).
 */
export function lookupSpeech(bytes: Uint8Array, complete: boolean): string | undefined {
  const key = fingerprint(bytes, complete)
  return key === undefined ? undefined : spoken.get(key)
}

function fingerprint(bytes: Uint8Array, complete: boolean): string | undefined {
  let start = 0
  while (start + 1 < bytes.length && bytes[start] === 0 && bytes[start + 1] === 0) start += 2
  const window = bytes.subarray(start, start + WINDOW)
  if (window.length < WINDOW && !complete) return undefined
  if (window.length === 0) return undefined
  return createHash('sha1').update(window).digest('hex')
}
