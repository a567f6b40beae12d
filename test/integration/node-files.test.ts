import { execFile } from 'node:child_process'
import { open, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_PCM, WAV_HEADER_BYTES, writeWavHeader } from '../../src/audio/wav.ts'
import { ConnectionError, TimeoutError } from '../../src/index.ts'
import { fileFromPath, streamToFile } from '../../src/node/index.ts'
import { parseWavText, TEST_KEYS } from '../emulator/index.ts'
import { caught, fault, useEmulator } from './setup.ts'

const emu = useEmulator()

// Reached the documented V8 way, as the bench does: vitest passes no --expose-gc.
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void
let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'voxfetch-node-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('streamToFile', () => {
  it('writes the audio to disk as it arrives', async () => {
    const audio = await emu.client().speech({ model: 'tts', input: 'Saved to disk', voice: 'alloy', response_format: 'wav' })
    const path = join(dir, 'speech.wav')
    const written = await streamToFile(audio, path)
    const bytes = await readFile(path)
    expect(written).toBe(bytes.byteLength)
    expect(parseWavText(bytes)).toBe('Saved to disk')
  })

  it('leaves no file behind when the connection breaks mid-body', async () => {
    const audio = await emu.client().speech({
      model: 'tts', input: 'Broken download', voice: 'alloy', response_format: 'wav', headers: fault('reset-mid-body'),
    })
    const path = join(dir, 'broken.wav')
    expect(await caught(streamToFile(audio, path))).toBeInstanceOf(ConnectionError)
    expect((await readdir(dir)).filter((name) => name.startsWith('broken'))).toEqual([])
  })

  it('stops at the whole-exchange timeout while the body is still coming, leaving no file', async () => {
    // Synthesized once first, so the timed call waits for no synthesis on a busy machine. Then the
    // first half arrives at once (speech() resolves) and the rest after 3 s: past the 1 s deadline.
    const params = { model: 'tts', input: 'Too slow to finish', voice: 'alloy', response_format: 'wav' } as const
    await (await emu.client().speech(params)).arrayBuffer()
    const audio = await emu.client({ timeout: 1_000 }).speech({ ...params, headers: fault('slow-body:3000') })
    const path = join(dir, 'late.wav')
    const startedAt = Date.now()
    expect(await caught(streamToFile(audio, path))).toBeInstanceOf(TimeoutError)
    expect(Date.now() - startedAt).toBeLessThan(2_500)
    expect((await readdir(dir)).filter((name) => name.startsWith('late'))).toEqual([])
  })

  it('stops when the caller aborts during the body, with the caller’s reason and no file', async () => {
    const controller = new AbortController()
    const audio = await emu.client().speech({
      model: 'tts', input: 'Abandoned download', voice: 'alloy', response_format: 'wav', signal: controller.signal, headers: fault('slow-body:3000'),
    })
    const path = join(dir, 'abandoned.wav')
    const reason = new Error('the user left')
    setTimeout(() => controller.abort(reason), 100)
    const startedAt = Date.now()
    expect(await caught(streamToFile(audio, path))).toBe(reason)
    expect(Date.now() - startedAt).toBeLessThan(2_000)
    expect((await readdir(dir)).filter((name) => name.startsWith('abandoned'))).toEqual([])
  })

  it('stops when the caller aborts during the body after a full garbage collection', async () => {
    // Node's fetch links the caller's signal to its own request weakly (nodejs/undici#4627): once
    // a collection frees that request, aborting the signal no longer ends the body.
    const controller = new AbortController()
    const audio = await emu.client().speech({
      model: 'tts', input: 'Abandoned after a collection', voice: 'alloy', response_format: 'wav', signal: controller.signal, headers: fault('slow-body:3000'),
    })
    const path = join(dir, 'collected.wav')
    const reason = new Error('the user left')
    const written = streamToFile(audio, path)
    await new Promise((resolve) => setTimeout(resolve, 50))
    collectGarbage()
    const startedAt = Date.now()
    controller.abort(reason)
    expect(await caught(written)).toBe(reason)
    expect(Date.now() - startedAt).toBeLessThan(1_000)
    expect((await readdir(dir)).filter((name) => name.startsWith('collected'))).toEqual([])
  })

  it('writes a plain Response or ReadableStream too', async () => {
    expect(await streamToFile(new Response('RIFF bytes'), join(dir, 'response.bin'))).toBe(10)
    expect(await readFile(join(dir, 'response.bin'), 'utf8')).toBe('RIFF bytes')
    expect(await streamToFile(new Response('from a stream').body!, join(dir, 'stream.bin'))).toBe(13)
    expect(await readFile(join(dir, 'stream.bin'), 'utf8')).toBe('from a stream')
  })

  it('reads a SpeechResult once: its body is used afterwards', async () => {
    const audio = await emu.client().speech({ model: 'tts', input: 'Only once', voice: 'alloy', response_format: 'wav' })
    await streamToFile(audio, join(dir, 'once.wav'))
    expect(audio.bodyUsed).toBe(true)
    await expect(audio.arrayBuffer()).rejects.toThrow(/already read/)
  })
})

describe('fileFromPath', () => {
  it('names and types the file from its path', async () => {
    const path = join(dir, 'memo.wav')
    await streamToFile(await emu.client().speech({ model: 'tts', input: 'From a path', voice: 'alloy', response_format: 'wav' }), path)
    const file = await fileFromPath(path)
    expect(file).toMatchObject({ name: 'memo.wav', type: 'audio/wav', size: (await stat(path)).size })
    expect((await emu.client().transcription({ model: 'whisper', file })).text).toBe('From a path')
  })

  it.each(['plain', 'progress'])('uploads a 200 MB file from disk without holding it in memory (%s)', async (mode) => {
    const path = join(dir, 'big.wav')
    const size = 200 * 1024 * 1024
    const handle = await open(path, 'w')
    const header = new Uint8Array(WAV_HEADER_BYTES)
    writeWavHeader(header, size - WAV_HEADER_BYTES, DEFAULT_PCM)
    await handle.write(header)
    await handle.truncate(size)
    await handle.close()

    const script = join(import.meta.dirname, 'fixtures/upload-from-disk.ts')
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, emu.emulator.url, TEST_KEYS.proxy, path, mode])
    const outcome = JSON.parse(stdout) as { text: string; baselineMB: number; peakMB: number; progressEvents: number }
    const growthMB = outcome.peakMB - outcome.baselineMB
    console.info(
      `200 MB upload from disk (${mode}): peak RSS ${outcome.peakMB.toFixed(0)} MB, ${growthMB.toFixed(0)} MB over the warmed-up ` +
        `baseline, ${outcome.progressEvents} progress events`,
    )
    expect(outcome.text).toMatch(/Emulated transcript/)
    expect(emu.emulator.requests.at(-1)!.file?.size).toBe(size)
    if (mode === 'progress') expect(outcome.progressEvents).toBeGreaterThan(5)
    expect(growthMB).toBeLessThan(64)
  }, 120_000)
})
