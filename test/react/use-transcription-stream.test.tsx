import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createClient } from '../../src/index.ts'
import { useTranscription } from '../../react/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { startTinyServer } from '../integration/tiny-server.ts'
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

  it('re-renders once per frame, not once per delta, when thousands of tiny deltas arrive at once', async () => {
    const DELTAS = 3000
    // A server that sends every delta in one burst: the worst case for a render per delta.
    const server = await startTinyServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'access-control-allow-origin': '*' })
      const deltas = Array.from({ length: DELTAS }, () => 'data: {"type":"transcript.text.delta","delta":"a"}\n\n').join('')
      response.end(`${deltas}data: {"type":"transcript.text.done","text":"${'a'.repeat(DELTAS)}"}\n\n`)
    })
    try {
      const client = createClient({ baseURL: server.url, apiKey: TEST_KEYS.openai, dangerouslyAllowBrowser: true, maxRetries: 0 })
      let pendingRenders = 0
      const { result } = renderHook(() => {
        const transcription = useTranscription({ model: 'openai/gpt-4o-transcribe', stream: true, client })
        if (transcription.isPending && transcription.partialText) pendingRenders++
        return transcription
      }, { wrapper: emu.wrapper() })
      act(() => result.current.transcribe(new File([new Uint8Array(64)], 'a.wav', { type: 'audio/wav' })))
      await waitFor(() => expect(result.current.status).toBe('success'))
      expect(result.current.text).toBe('a'.repeat(DELTAS))
      expect(pendingRenders).toBeGreaterThan(0)
      expect(pendingRenders).toBeLessThan(DELTAS / 10)
    } finally {
      await server.close()
    }
  })
})
