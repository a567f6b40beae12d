import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useDictation } from '../../react/index.ts'
import { RecorderError } from '../../src/record/index.ts'
import { DICTATION_RATE, loadPhrases } from '../fixtures/dictation/compose.ts'
import { useEmulator } from './helpers.tsx'

// jsdom has no getUserMedia or Web Audio: these fakes stand in for the platform only (the real
// thing runs in test/browser/dictation.test.ts). With no AudioWorklet the capture takes its
// ScriptProcessor path, which the test drives with real speech. Nothing of voxfetch is replaced.
function fakePlatform(getUserMedia?: () => Promise<unknown>) {
  const track = { readyState: 'live', stop: vi.fn(() => void (track.readyState = 'ended')), listeners: [] as Array<() => void>, addEventListener: (_: string, listener: () => void) => track.listeners.push(listener) }
  const processors: Array<{ onaudioprocess: ((event: unknown) => void) | null }> = []
  const contexts: Array<{ state: string }> = []
  class FakeAudioContext {
    sampleRate = 48_000
    state = 'running'
    destination = {}
    constructor() {
      contexts.push(this)
    }
    createMediaStreamSource() {
      return { connect: (node: unknown) => node, disconnect() {} }
    }
    createGain() {
      return { gain: { value: 1 }, connect: (node: unknown) => node }
    }
    createScriptProcessor() {
      const node = { onaudioprocess: null, connect: (next: unknown) => next }
      processors.push(node)
      return node
    }
    resume() {
      return Promise.resolve()
    }
    close() {
      this.state = 'closed'
      return Promise.resolve()
    }
  }
  vi.stubGlobal('AudioContext', FakeAudioContext)
  vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: vi.fn(getUserMedia ?? (() => Promise.resolve({ getTracks: () => [track] }))) } })
  /** Plays 16 kHz samples into the capture at 48 kHz, in 4096-frame blocks as a ScriptProcessor would. */
  const play = (samples: Int16Array) => {
    const upsampled = new Float32Array(samples.length * 3)
    upsampled.forEach((_, index) => (upsampled[index] = samples[Math.floor(index / 3)]! / 32768))
    for (let offset = 0; offset < upsampled.length; offset += 4096) {
      const block = upsampled.subarray(offset, offset + 4096)
      processors.at(-1)!.onaudioprocess!({ inputBuffer: { length: block.length, numberOfChannels: 1, getChannelData: () => block } })
    }
  }
  return { track, processors, contexts, play }
}

const phrases = loadPhrases()
const quiet = (ms: number) => new Int16Array((DICTATION_RATE * ms) / 1000).map((_, index) => ((index * 7919) % 61) - 30)
const emu = useEmulator()

describe('useDictation', () => {
  it('grows the text piece by piece, keeps the whole recording, and releases the microphone on stop (StrictMode)', async () => {
    const platform = fakePlatform()
    const onDone = vi.fn()
    const { result } = renderHook(() => useDictation({ model: 'whisper', onDone }), { wrapper: emu.wrapper({ strict: true }) })
    expect(result.current).toMatchObject({ status: 'idle', isListening: false, text: '', pieces: [] })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.isListening).toBe(true))
    act(() => platform.play(quiet(500)))
    act(() => platform.play(phrases[0]!.samples))
    expect(result.current.level).toBeGreaterThan(0)
    act(() => platform.play(quiet(1000)))
    // The first phrase is committed while the dictation is still listening.
    await waitFor(() => expect(result.current.text).toBe(phrases[0]!.text))
    expect(result.current.isListening).toBe(true)
    act(() => platform.play(phrases[3]!.samples))
    act(() => platform.play(quiet(300)))
    act(() => result.current.stop())
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.text).toBe(`${phrases[0]!.text} ${phrases[3]!.text}`)
    expect(result.current.partialText).toBe('')
    const pieces = result.current.pieces
    expect(pieces.at(-1)!.endSample).toBe((result.current.recording!.size - 44) / 2)
    pieces.forEach((piece, index) => expect(piece.startSample).toBe(index ? pieces[index - 1]!.endSample : 0))
    expect(result.current.recording!.name).toBe('dictation.wav')
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'done', text: result.current.text }))
    expect(platform.track.readyState).toBe('ended')
    expect(platform.contexts.every((context) => context.state === 'closed')).toBe(true)
  })

  it('releases the microphone when the component unmounts mid-dictation, and sends nothing more', async () => {
    const platform = fakePlatform()
    const { result, unmount } = renderHook(() => useDictation({ model: 'whisper' }), { wrapper: emu.wrapper({ strict: true }) })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.isListening).toBe(true))
    act(() => platform.play(phrases[1]!.samples))
    unmount()
    expect(platform.track.readyState).toBe('ended')
    expect(platform.contexts.every((context) => context.state === 'closed')).toBe(true)
    expect(emu.emulator.requests.filter((request) => request.method === 'POST')).toEqual([])
  })

  it('a refused microphone is a RecorderError in state and onError, with nothing left open', async () => {
    const platform = fakePlatform(() => Promise.reject(new DOMException('refused', 'NotAllowedError')))
    const onError = vi.fn()
    const { result } = renderHook(() => useDictation({ model: 'whisper', onError }), { wrapper: emu.wrapper() })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBeInstanceOf(RecorderError)
    expect(result.current.error).toMatchObject({ reason: 'not-allowed' })
    expect(onError).toHaveBeenCalledWith(result.current.error)
    expect(platform.contexts.every((context) => context.state === 'closed')).toBe(true)
  })

  it('a microphone lost mid-dictation ends it with an error, keeps the text so far and releases everything', async () => {
    const platform = fakePlatform()
    const { result } = renderHook(() => useDictation({ model: 'whisper' }), { wrapper: emu.wrapper() })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.isListening).toBe(true))
    act(() => platform.play(phrases[2]!.samples))
    act(() => platform.play(quiet(800)))
    act(() => {
      platform.track.readyState = 'ended'
      for (const listener of platform.track.listeners) listener()
    })
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toMatchObject({ name: 'RecorderError', reason: 'failed' })
    expect(result.current.text).toBe(phrases[2]!.text)
    expect(platform.contexts.every((context) => context.state === 'closed')).toBe(true)
  })

  it('a piece that fails leaves a marked gap and its audio; retryPiece fills it in', async () => {
    const platform = fakePlatform()
    const { result } = renderHook(() => useDictation({ model: 'whisper', params: { maxRetries: 0, headers: { 'x-emulator-fault': '503', 'x-emulator-fault-times': '1', 'x-emulator-scenario': `dictation-${process.pid}` } } }), { wrapper: emu.wrapper() })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.isListening).toBe(true))
    act(() => platform.play(phrases[4]!.samples))
    act(() => platform.play(quiet(300)))
    act(() => result.current.stop())
    await waitFor(() => expect(result.current.status).toBe('done'))
    const failed = result.current.pieces.find((piece) => piece.status === 'failed')!
    expect(failed.error).toMatchObject({ status: 503 })
    expect(result.current.text).toMatch(/^\[untranscribed 0\.0–\d+\.\d s\]$/)
    act(() => result.current.retryPiece(failed.index))
    await waitFor(() => expect(result.current.text).toBe(phrases[4]!.text))
  })
})
