import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useDictation } from '../../react/index.ts'
import { createClient } from '../../src/index.ts'
import { RecorderError } from '../../src/record/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { loadPhrases } from '../fixtures/dictation/compose.ts'
import { fakePlatform, quiet } from './fake-microphone.ts'
import { useEmulator } from './helpers.tsx'

const phrases = loadPhrases()
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

  it('with a compressed mimeType, the whole recording is the MediaRecorder\'s file on the same microphone, flushed before onDone', async () => {
    const platform = fakePlatform()
    const onDone = vi.fn()
    const { result } = renderHook(() => useDictation({ model: 'whisper', mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 32_000, onDone }), { wrapper: emu.wrapper({ strict: true }) })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.isListening).toBe(true))
    expect(platform.recorders).toHaveLength(1)
    expect((platform.recorders[0]!.stream as MediaStream).getTracks()).toEqual([platform.track])
    expect(platform.recorders[0]!.options).toEqual({ mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 32_000 })
    act(() => platform.play(phrases[0]!.samples))
    act(() => platform.play(quiet(300)))
    act(() => result.current.stop())
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.text).toBe(phrases[0]!.text)
    expect(result.current.recording).toMatchObject({ name: 'dictation.webm', type: 'audio/webm;codecs=opus', size: 'webm bytes'.length })
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ recording: result.current.recording }))
    expect(platform.recorders[0]!.state).toBe('inactive')
    expect(platform.track.readyState).toBe('ended')
  })

  it('releases the microphone and stops the MediaRecorder when the component unmounts mid-dictation', async () => {
    const platform = fakePlatform()
    const onDone = vi.fn()
    const { result, unmount } = renderHook(() => useDictation({ model: 'whisper', mimeType: 'audio/webm', onDone }), { wrapper: emu.wrapper() })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.isListening).toBe(true))
    act(() => platform.play(phrases[1]!.samples))
    unmount()
    expect(platform.recorders.map((recorder) => recorder.state)).toEqual(['inactive'])
    expect(platform.track.readyState).toBe('ended')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(onDone).not.toHaveBeenCalled()
  })

  it('stop() after the voice ended sends the last piece without the quiet after it: that is a silent piece, never uploaded', async () => {
    const platform = fakePlatform()
    const { result } = renderHook(() => useDictation({ model: 'whisper' }), { wrapper: emu.wrapper() })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.isListening).toBe(true))
    act(() => platform.play(phrases[3]!.samples))
    act(() => platform.play(quiet(500)))
    act(() => result.current.stop())
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.text).toBe(phrases[3]!.text)
    const [spoken, tail] = result.current.pieces
    expect(result.current.pieces).toHaveLength(2)
    expect(spoken).toMatchObject({ status: 'done', reason: 'end' })
    expect(tail).toMatchObject({ status: 'silent', reason: 'end', text: '', startSample: spoken!.endSample })
    expect(tail!.endMs - tail!.startMs).toBeGreaterThan(100)
    const uploads = emu.emulator.requests.filter((request) => request.method === 'POST')
    expect(uploads.map((upload) => upload.file!.size)).toEqual([44 + 2 * spoken!.endSample])
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
    await act(() => result.current.retryPiece(failed.index))
    await waitFor(() => expect(result.current.text).toBe(phrases[4]!.text))
  })

  it('with stream: true and a streaming model, the words of a piece show in partialText while it is transcribed', async () => {
    const platform = fakePlatform()
    const client = createClient({ baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai, dangerouslyAllowBrowser: true })
    const partials: string[] = []
    const { result } = renderHook(() => {
      const dictation = useDictation({ model: 'openai/gpt-4o-transcribe', stream: true, client, params: { headers: { 'x-emulator-stream-interval-ms': '40' } } })
      if (dictation.partialText && partials.at(-1) !== dictation.partialText) partials.push(dictation.partialText)
      return dictation
    })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.isListening).toBe(true))
    act(() => platform.play(phrases[3]!.samples))
    act(() => result.current.stop())
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.text).toBe(phrases[3]!.text)
    // Word by word: 'Ada ', 'Ada Lovelace ', …, each seen before the piece was done.
    expect(partials.length).toBeGreaterThanOrEqual(3)
    expect(partials[0]).toBe('Ada')
    expect(emu.emulator.requests.find((request) => request.method === 'POST')!.fields).toMatchObject({ model: 'gpt-4o-transcribe', stream: 'true' })
  })

  it('stop() while the microphone is still being asked for is honoured: released as soon as granted, nothing recorded', async () => {
    let grant!: (stream: unknown) => void
    const platform = fakePlatform(() => new Promise((resolve) => (grant = resolve)))
    const { result } = renderHook(() => useDictation({ model: 'whisper' }), { wrapper: emu.wrapper() })
    act(() => result.current.start())
    expect(result.current.status).toBe('starting')
    act(() => result.current.stop())
    await act(async () => grant({ getTracks: () => [platform.track] }))
    await waitFor(() => expect(result.current.status).toBe('done'))
    expect(result.current.pieces).toEqual([])
    expect(platform.track.readyState).toBe('ended')
    expect(platform.contexts.every((context) => context.state === 'closed')).toBe(true)
  })
})
