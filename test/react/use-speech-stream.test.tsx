import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { type UseSpeechOptions, useSpeech } from '../../react/index.ts'
import { parseWavText } from '../emulator/index.ts'
import { countObjectURLs, useEmulator } from './helpers.tsx'

const emu = useEmulator()
const options: UseSpeechOptions = { model: 'tts', voice: 'alloy', response_format: 'wav' }

/** A text written slowly, as a model writes it; `cancelled` once its reader gives up. */
function slowText(text: string, msPerChunk = 5) {
  const state = { cancelled: false, stream: undefined as unknown as ReadableStream<string> }
  let position = 0
  state.stream = new ReadableStream<string>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, msPerChunk))
      if (position >= text.length) return controller.close()
      controller.enqueue(text.slice(position, position + 6))
      position += 6
    },
    cancel() {
      state.cancelled = true
    },
  })
  return state
}

describe('useSpeech speakStream', () => {
  it('speaks a streamed text sentence by sentence and ends with the whole clip, under StrictMode', async () => {
    const spoken: string[] = []
    const { result } = renderHook(() => useSpeech({ ...options, onSuccess: (_, input) => spoken.push(input) }), { wrapper: emu.wrapper({ strict: true }) })
    const text = slowText('The first sentence of the answer. And then the second one, a little longer.')
    act(() => result.current.speakStream(text.stream))
    expect(result.current.status).toBe('pending')
    await waitFor(() => expect(result.current.status).toBe("success"), { timeout: 20_000 })
    expect(result.current.mediaType).toBe('audio/wav')
    expect(result.current.audioUrl).toMatch(/^blob:/)
    const inputs = emu.emulator.requests.map((request) => (request.json as { input: string }).input)
    expect(inputs).toEqual(['The first sentence of the answer.', 'And then the second one, a little longer.'])
    expect(spoken).toEqual(['The first sentence of the answer. And then the second one, a little longer.'])
    // One WAV holding both pieces' samples.
    const whole = new Uint8Array(await result.current.blob!.arrayBuffer())
    expect(String.fromCharCode(...whole.subarray(0, 4))).toBe('RIFF')
    expect(parseWavText(whole)).toBeUndefined()
    expect(whole.byteLength).toBeGreaterThan(48_000)
  })

  it('says which sentence is sounding; a new stream stops the old one, its requests and its text', async () => {
    const urls = countObjectURLs()
    const { result, unmount } = renderHook(() => useSpeech({ ...options, play: 'stream' }), { wrapper: emu.wrapper({ strict: true }) })
    const first = slowText('This is the first sentence spoken. It goes on for a while after that, more and more text. '.repeat(4))
    act(() => result.current.speakStream(first.stream))
    // jsdom has no Web Audio: pieces go one by one to the audio element, which never ends here.
    await waitFor(() => expect(result.current.segment).toBe('This is the first sentence spoken.'), { timeout: 10_000 })
    expect(result.current.playback).toMatchObject({ status: 'loading', engine: 'element', segment: { index: 0, text: 'This is the first sentence spoken.' } })
    const second = slowText('A second answer replaces the first one. It is spoken instead, and goes on for a while. '.repeat(4))
    act(() => result.current.speakStream(second.stream))
    await waitFor(() => expect(result.current.segment).toBe('A second answer replaces the first one.'), { timeout: 10_000 })
    expect(first.cancelled).toBe(true)
    const settled = emu.emulator.requests.length
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Nothing more of the first answer was requested once it was replaced.
    const late = emu.emulator.requests.slice(settled).map((request) => (request.json as { input: string }).input)
    expect(late.every((input) => !input.includes('first sentence'))).toBe(true)
    unmount()
    expect(second.cancelled).toBe(true)
    expect(urls.live()).toEqual([])
  })

  it('stop() ends the stream and the sound, to idle', async () => {
    const { result } = renderHook(() => useSpeech({ ...options, play: 'stream' }), { wrapper: emu.wrapper() })
    const text = slowText('Only the first sentence is heard here. The rest is never requested at all, not one word of it. '.repeat(3))
    act(() => result.current.speakStream(text.stream))
    await waitFor(() => expect(result.current.segment).toBe('Only the first sentence is heard here.'), { timeout: 10_000 })
    act(() => result.current.stop())
    expect(result.current.status).toBe('idle')
    expect(result.current.playback).toEqual({ status: 'idle' })
    expect(result.current.segment).toBeUndefined()
    await waitFor(() => expect(text.cancelled).toBe(true))
  })
})
