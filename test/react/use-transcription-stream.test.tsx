import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/index.ts'
import { useTranscription } from '../../react/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { spokenWav, useEmulator } from './helpers.tsx'

const emu = useEmulator()
const SENTENCE = 'Words appear while the rest is still coming'
const openai = () => createClient({
  baseURL: `${emu.emulator.url}/openai/v1`,
  apiKey: TEST_KEYS.openai,
  dangerouslyAllowBrowser: true,
  maxRetries: 0,
  headers: { 'x-emulator-stream-interval-ms': '60' },
})

describe('useTranscription with stream: true', () => {
  it('shows the first delta in partialText before the final event, then the whole text', async () => {
    const file = new File([await spokenWav(emu.client(), SENTENCE)], 'speech.wav', { type: 'audio/wav' })
    const renders: Array<{ status: string; partialText: string | undefined; text: string | undefined }> = []
    const client = openai()
    const { result } = renderHook(() => {
      const transcription = useTranscription({ model: 'openai/gpt-4o-transcribe', stream: true, client })
      renders.push({ status: transcription.status, partialText: transcription.partialText, text: transcription.text })
      return transcription
    }, { wrapper: emu.wrapper({ strict: true }) })
    act(() => result.current.transcribe(file))
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(result.current).toMatchObject({ text: SENTENCE, partialText: SENTENCE, progress: undefined })

    const growing = renders.filter((render) => render.status === 'pending' && render.partialText).map((render) => render.partialText!)
    expect(growing[0]).toBe('Words ')
    expect(new Set(growing).size).toBeGreaterThan(2)
    for (const [index, text] of growing.entries()) if (index > 0) expect(text.startsWith(growing[index - 1]!)).toBe(true)
    expect(renders.findIndex((render) => render.partialText === 'Words ')).toBeLessThan(renders.findIndex((render) => render.status === 'success'))
    expect(emu.emulator.requests.at(-1)!.fields).toMatchObject({ stream: 'true' })
  })

  it('gives the text in one piece where the server answers whole (a LiteLLM proxy)', async () => {
    const file = new File([await spokenWav(emu.client(), 'All at once')], 'speech.wav', { type: 'audio/wav' })
    const pendingTexts: Array<string | undefined> = []
    const { result } = renderHook(() => {
      const transcription = useTranscription({ model: 'whisper', stream: true })
      if (transcription.isPending) pendingTexts.push(transcription.partialText)
      return transcription
    }, { wrapper: emu.wrapper() })
    act(() => result.current.transcribe(file))
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(result.current).toMatchObject({ text: 'All at once', partialText: 'All at once' })
    expect(result.current.data?.warnings.map((warning) => warning.option)).toEqual(['stream'])
    expect(pendingTexts.every((text) => text === undefined)).toBe(true)
  })

  it('stops the stream when the component unmounts', async () => {
    const file = new File([await spokenWav(emu.client(), SENTENCE)], 'speech.wav', { type: 'audio/wav' })
    const client = createClient({
      baseURL: `${emu.emulator.url}/openai/v1`, apiKey: TEST_KEYS.openai, dangerouslyAllowBrowser: true, maxRetries: 0,
      headers: { 'x-emulator-stream-interval-ms': '400' },
    })
    const { result, unmount } = renderHook(() => useTranscription({ model: 'openai/gpt-4o-transcribe', stream: true, client }), { wrapper: emu.wrapper() })
    let outcome: Promise<unknown> | undefined
    act(() => {
      outcome = result.current.transcribeAsync(file).catch((error: unknown) => error)
    })
    await waitFor(() => expect(result.current.partialText).toBe('Words '))
    unmount()
    expect(await outcome).toMatchObject({ name: 'AbortError' })
  })
})
