import { describe, expect, it } from 'vitest'
import type { UploadProgress } from '../../src/index.ts'
import { fault, useEmulator } from './setup.ts'
import { synthesizeSpeech } from '../emulator/index.ts'

const emu = useEmulator()

describe('upload progress of a retried upload', () => {
  it('says which attempt it is and never goes backwards within one', async () => {
    const { bytes } = await synthesizeSpeech('Try again', 'wav')
    const file = new File([new Uint8Array(bytes), new Uint8Array(512 * 1024)], 'again.wav', { type: 'audio/wav' })
    const seen: UploadProgress[] = []
    const result = await emu.client({ maxRetries: 2 }).transcription({
      model: 'whisper',
      file,
      headers: fault('503', 1),
      onUploadProgress: (progress) => seen.push(progress),
    })
    expect(result.text).toBeTruthy()
    expect(emu.emulator.requests.filter((request) => request.path === '/v1/audio/transcriptions')).toHaveLength(2)
    expect(seen.map((progress) => progress.attempt).filter((value, index, all) => all.indexOf(value) === index)).toEqual([1, 2])
    for (let index = 1; index < seen.length; index++) {
      const [before, after] = [seen[index - 1]!, seen[index]!]
      expect(after.attempt).toBeGreaterThanOrEqual(before.attempt)
      if (after.attempt === before.attempt) expect(after.loaded).toBeGreaterThanOrEqual(before.loaded)
      else expect(after.loaded).toBe(0)
    }
    expect(seen.at(-1)).toMatchObject({ attempt: 2, percent: 100 })
  })
})
