import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { wrapWav } from '../emulator/encode-wav.ts'
import { synthesizeSpeech } from '../emulator/index.ts'

const SAMPLE_RATE = 24_000

/**
 * Real eSpeak speech of `text` followed by silence, as a WAV of exactly `size` bytes. The
 * emulator reads its text back, so the transcript is `text` however large the file.
 */
export async function speechWav(text: string, size: number): Promise<Uint8Array> {
  const { samples } = await synthesizeSpeech(text, 'wav')
  const layout = { formatTag: 1, sampleRate: SAMPLE_RATE, bitsPerSample: 16 } as const
  const overhead = wrapWav(new Uint8Array(0), layout, text).length
  const payload = new Uint8Array(size - overhead)
  if (payload.length % 2 !== 0 || payload.length < samples.length * 2) throw new Error(`speechWav: cannot make ${size} bytes`)
  const view = new DataView(payload.buffer)
  samples.forEach((sample, index) => view.setInt16(index * 2, sample, true))
  const wav = wrapWav(payload, layout, text)
  if (wav.length !== size) throw new Error(`speechWav: made ${wav.length} bytes, not ${size}`)
  return wav
}

/** A temporary folder for the files a test hands to a file input, removed after the file's tests. */
export function useFixtureFiles() {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'voxfetch-browser-files-'))
  })
  afterAll(() => rm(folder, { recursive: true, force: true }))
  return {
    async speechWav(name: string, text: string, size: number): Promise<string> {
      const path = join(folder, name)
      await writeFile(path, await speechWav(text, size))
      return path
    },
  }
}
