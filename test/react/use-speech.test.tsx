import { act, render, renderHook, waitFor } from '@testing-library/react'
import * as React from 'react'
import { StrictMode, useEffect } from 'react'
import { version as reactDomVersion } from 'react-dom'
import { describe, expect, it, vi } from 'vitest'
import { APIError, InvalidRequestError, isAbortError } from '../../src/index.ts'
import { useSpeech, useVoxfetchClient, VoxfetchProvider } from '../../react/index.ts'
import { caught, countObjectURLs, fault, useEmulator } from './helpers.tsx'

const emu = useEmulator()
const speechOptions = { model: 'tts', voice: 'alloy', response_format: 'wav' } as const

describe('useSpeech', () => {
  it(`runs on React ${process.env.EXPECTED_REACT_MAJOR}`, () => {
    expect(React.version.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR)
    expect(reactDomVersion).toBe(React.version)
  })

  it('speaks: idle → pending → success with a playable blob: URL of the audio', async () => {
    const { result } = renderHook(() => useSpeech(speechOptions), { wrapper: emu.wrapper() })
    expect(result.current).toMatchObject({ status: 'idle', isIdle: true, audioUrl: undefined, blob: undefined })
    act(() => result.current.speak('Hello there'))
    expect(result.current).toMatchObject({ status: 'pending', isPending: true })
    await waitFor(() => expect(result.current.audioUrl).toMatch(/^blob:/))
    expect(result.current).toMatchObject({ status: 'success', isSuccess: true, mediaType: 'audio/wav', error: undefined })
    expect(result.current.blob!.size).toBeGreaterThan(1000)
    const audio = await fetch(result.current.audioUrl!).then((response) => response.arrayBuffer())
    expect(new TextDecoder().decode(audio.slice(0, 4))).toBe('RIFF')
    expect(emu.emulator.requests).toHaveLength(1)
    expect(emu.emulator.requests[0]!.json).toMatchObject({ model: 'tts', input: 'Hello there', voice: 'alloy', response_format: 'wav' })
  })

  it('speakAsync resolves with the audio and per-call overrides win over hook options', async () => {
    const { result } = renderHook(() => useSpeech(speechOptions), { wrapper: emu.wrapper() })
    let audio: Awaited<ReturnType<typeof result.current.speakAsync>> | undefined
    await act(async () => {
      audio = await result.current.speakAsync('Hello', { voice: 'nova', speed: 1.5 })
    })
    expect(audio).toMatchObject({ mediaType: 'audio/wav', format: 'wav', warnings: [] })
    expect(result.current.data).toBe(audio)
    expect(emu.emulator.requests[0]!.json).toMatchObject({ voice: 'nova', speed: 1.5, model: 'tts' })
  })

  it('puts a server error in state, calls onError, and speakAsync rejects with it', async () => {
    const onError = vi.fn()
    const onSuccess = vi.fn()
    const { result } = renderHook(() => useSpeech({ ...speechOptions, maxRetries: 0, onError, onSuccess }), {
      wrapper: emu.wrapper(),
    })
    act(() => result.current.speak('Hello', { headers: fault('500') }))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.isError).toBe(true)
    expect(result.current.error).toBeInstanceOf(APIError)
    expect((result.current.error as APIError).status).toBe(500)
    expect(onError).toHaveBeenCalledWith(result.current.error, 'Hello')
    expect(onSuccess).not.toHaveBeenCalled()
    let error: Error | undefined
    await act(async () => {
      error = await caught(result.current.speakAsync('Hello', { headers: fault('500') }))
    })
    expect(error).toBeInstanceOf(APIError)
  })

  it('fails bad input with a typed error in state and sends nothing', async () => {
    const { result } = renderHook(() => useSpeech(speechOptions), { wrapper: emu.wrapper() })
    act(() => result.current.speak(''))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBeInstanceOf(InvalidRequestError)
    expect((result.current.error as InvalidRequestError).field).toBe('input')
    expect(emu.emulator.requests).toHaveLength(0)
  })

  it('calls the latest onSuccess with the audio and the input', async () => {
    const first = vi.fn()
    const latest = vi.fn()
    const { result, rerender } = renderHook(({ onSuccess }) => useSpeech({ ...speechOptions, onSuccess }), {
      wrapper: emu.wrapper(),
      initialProps: { onSuccess: first },
    })
    act(() => result.current.speak('Callbacks', { headers: fault('slow-headers:200') }))
    rerender({ onSuccess: latest })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledTimes(1)
    expect(latest).toHaveBeenCalledWith(result.current.data, 'Callbacks')
  })

  it('keeps speak and speakAsync stable across renders with new options', async () => {
    const { result, rerender } = renderHook(({ voice }) => useSpeech({ ...speechOptions, voice }), {
      wrapper: emu.wrapper(),
      initialProps: { voice: 'alloy' },
    })
    const { speak, speakAsync, abort, reset } = result.current
    rerender({ voice: 'nova' })
    await act(() => result.current.speakAsync('Stable'))
    expect(result.current.speak).toBe(speak)
    expect(result.current.speakAsync).toBe(speakAsync)
    expect(result.current.abort).toBe(abort)
    expect(result.current.reset).toBe(reset)
  })

  it('lets options change mid-request without restarting it; the next call uses them', async () => {
    const { result, rerender } = renderHook(({ voice }) => useSpeech({ ...speechOptions, voice }), {
      wrapper: emu.wrapper(),
      initialProps: { voice: 'alloy' },
    })
    act(() => result.current.speak('Changing', { headers: fault('slow-headers:300') }))
    rerender({ voice: 'nova' })
    rerender({ voice: 'echo' })
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(emu.emulator.requests).toHaveLength(1)
    expect(emu.emulator.requests[0]!.json).toMatchObject({ voice: 'alloy' })
    await act(() => result.current.speakAsync('Changed'))
    expect(emu.emulator.requests[1]!.json).toMatchObject({ voice: 'echo' })
  })

  it('lets the last call win: a slow earlier answer never overwrites a newer one', async () => {
    const { result } = renderHook(() => useSpeech(speechOptions), { wrapper: emu.wrapper() })
    let slow!: Promise<Error>
    act(() => {
      slow = caught(result.current.speakAsync('First and slow', { headers: fault('slow-headers:600') }))
    })
    await emu.emulator.waitForRequests(1)
    let fast: Awaited<ReturnType<typeof result.current.speakAsync>> | undefined
    await act(async () => {
      fast = await result.current.speakAsync('Second')
    })
    expect(isAbortError(await slow)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(result.current.status).toBe('success')
    expect(result.current.data).toBe(fast)
    expect(emu.emulator.requests.map((request) => (request.json as { input: string }).input)).toEqual(['First and slow', 'Second'])
  })

  it('aborts to idle, not error, and speakAsync rejects with an AbortError', async () => {
    const onError = vi.fn()
    const { result } = renderHook(() => useSpeech({ ...speechOptions, onError }), { wrapper: emu.wrapper() })
    let pending!: Promise<Error>
    act(() => {
      pending = caught(result.current.speakAsync('Never mind', { headers: fault('slow-headers:2000') }))
    })
    await emu.emulator.waitForRequests(1)
    act(() => result.current.abort())
    expect(result.current).toMatchObject({ status: 'idle', error: undefined, audioUrl: undefined })
    expect(isAbortError(await pending)).toBe(true)
    expect(result.current.status).toBe('idle')
    expect(onError).not.toHaveBeenCalled()
  })

  it('aborts the request in flight when the component unmounts', async () => {
    const urls = countObjectURLs()
    const { result, unmount } = renderHook(() => useSpeech(speechOptions), { wrapper: emu.wrapper() })
    let pending!: Promise<Error>
    act(() => {
      pending = caught(result.current.speakAsync('Going away', { headers: fault('slow-headers:2000') }))
    })
    await emu.emulator.waitForRequests(1)
    unmount()
    expect(isAbortError(await pending)).toBe(true)
    await emu.emulator.waitForSettled(1)
    expect(emu.emulator.requests[0]!.status).toBeUndefined()
    expect(urls.created).toHaveLength(0)
  })

  it('keeps the previous audio while the next one is pending, then replaces it', async () => {
    const { result } = renderHook(() => useSpeech(speechOptions), { wrapper: emu.wrapper() })
    await act(() => result.current.speakAsync('One'))
    await waitFor(() => expect(result.current.audioUrl).toBeDefined())
    const first = result.current.data
    const firstUrl = result.current.audioUrl
    act(() => result.current.speak('Two', { headers: fault('slow-headers:200') }))
    expect(result.current).toMatchObject({ status: 'pending', data: first, audioUrl: firstUrl })
    await waitFor(() => expect(result.current.data).not.toBe(first))
    await waitFor(() => expect(result.current.audioUrl).not.toBe(firstUrl))
  })
})

describe('useSpeech blob URLs', () => {
  it('creates one per result and revokes it when replaced, on reset, on error after a success and on unmount', async () => {
    const urls = countObjectURLs()
    const { result, unmount } = renderHook(() => useSpeech({ ...speechOptions, maxRetries: 0 }), { wrapper: emu.wrapper() })
    const settleUrl = () => waitFor(() => expect(result.current.audioUrl).toBe(urls.live()[0]))

    await act(() => result.current.speakAsync('One'))
    await settleUrl()
    expect(urls.created).toHaveLength(1)
    const [first] = urls.created

    await act(() => result.current.speakAsync('Two'))
    await settleUrl()
    expect(urls.created).toHaveLength(2)
    expect(urls.revoked).toEqual([first]) // replaced

    act(() => result.current.reset())
    expect(result.current).toMatchObject({ status: 'idle', audioUrl: undefined, data: undefined })
    expect(urls.revoked).toEqual(urls.created) // reset

    await act(() => result.current.speakAsync('Three'))
    await settleUrl()
    await act(() => caught(result.current.speakAsync('Four', { headers: fault('500') })))
    expect(result.current).toMatchObject({ status: 'error', audioUrl: undefined })
    expect(urls.revoked).toEqual(urls.created) // error after a success

    await act(() => result.current.speakAsync('Five'))
    await settleUrl()
    expect(urls.live()).toHaveLength(1)
    unmount()
    expect(urls.created).toHaveLength(4)
    expect(urls.revoked).toEqual(urls.created) // unmount, each exactly once, in order
  })

  it('after 200 speak cycles and unmount, every created URL was revoked exactly once', async () => {
    const urls = countObjectURLs()
    const { result, unmount } = renderHook(() => useSpeech(speechOptions), { wrapper: emu.wrapper() })
    for (let cycle = 0; cycle < 200; cycle++) {
      await act(() => result.current.speakAsync('Hi'))
      await waitFor(() => expect(result.current.audioUrl).toBeDefined())
    }
    unmount()
    expect(urls.created).toHaveLength(200)
    expect(new Set(urls.revoked).size).toBe(urls.revoked.length)
    expect([...urls.revoked].sort()).toEqual([...urls.created].sort())
  }, 60_000)
})

describe('useSpeech under StrictMode', () => {
  it('speaks once per call, keeps its blob URL alive, and releases everything on unmount', async () => {
    const urls = countObjectURLs()
    const { result, unmount } = renderHook(() => useSpeech(speechOptions), { wrapper: emu.wrapper({ strict: true }) })
    await act(() => result.current.speakAsync('Strict'))
    await waitFor(() => expect(result.current.audioUrl).toBeDefined())
    expect(emu.emulator.requests).toHaveLength(1)
    expect(urls.live()).toEqual([result.current.audioUrl])
    unmount()
    expect(urls.revoked).toEqual(urls.created)
  })

  it('completes a speak started in a mount effect despite the double mount', async () => {
    const urls = countObjectURLs()
    const seen: string[] = []
    function Speaker() {
      const { speak, audioUrl, status } = useSpeech(speechOptions)
      useEffect(() => speak('Mounted'), [speak])
      seen.push(status)
      return <audio data-testid="player" data-status={status} src={audioUrl} />
    }
    const client = emu.client()
    const view = render(
      <StrictMode>
        <VoxfetchProvider client={client}>
          <Speaker />
        </VoxfetchProvider>
      </StrictMode>,
    )
    const player = view.getByTestId('player') as HTMLAudioElement
    await waitFor(() => expect(player.getAttribute('src')).toMatch(/^blob:/))
    expect(player.dataset.status).toBe('success')
    expect(seen).not.toContain('error')
    view.unmount()
    expect(urls.revoked).toEqual(urls.created)
  })
})

describe('clients', () => {
  it('uses the client option over the provider’s', async () => {
    const { result } = renderHook(
      () => useSpeech({ ...speechOptions, client: emu.client({ headers: { 'x-from': 'option' } }) }),
      { wrapper: emu.wrapper({ headers: { 'x-from': 'provider' } }) },
    )
    await act(() => result.current.speakAsync('Which client'))
    expect(emu.emulator.requests[0]!.headers['x-from']).toBe('option')
  })

  it('useVoxfetchClient returns the provider’s client', () => {
    const client = emu.client()
    const { result } = renderHook(() => useVoxfetchClient(), {
      wrapper: ({ children }) => <VoxfetchProvider client={client}>{children}</VoxfetchProvider>,
    })
    expect(result.current).toBe(client)
  })

  it('without provider or client, uses a default createClient() made on first use', async () => {
    const { result } = renderHook(() => useSpeech(speechOptions))
    expect(result.current.status).toBe('idle')
    act(() => result.current.speak('No client'))
    await waitFor(() => expect(result.current.status).toBe('error'))
    // A default client in a browser has no baseURL, so a proxy alias cannot be routed.
    expect(result.current.error).toBeInstanceOf(InvalidRequestError)
    expect(result.current.error!.message).toMatch(/no baseURL is set/)
    expect(emu.emulator.requests).toHaveLength(0)
  })
})

describe('useSpeech with play', () => {
  it("plays with the hook's player ('whole' in jsdom, which has no Web Audio or MediaSource), revokes both the player's and the hook's URLs, closes on unmount under StrictMode", async () => {
    const urls = countObjectURLs()
    const { result, unmount } = renderHook(() => useSpeech({ ...speechOptions, play: 'stream' }), { wrapper: emu.wrapper({ strict: true }) })
    expect(result.current.playback).toEqual({ status: 'idle' })
    await act(() => result.current.speakAsync('Play it'))
    await waitFor(() => expect(result.current.audioUrl).toBeDefined())
    const playback = result.current.playback
    // No Web Audio or MediaSource here: the stream falls back to the whole clip on the element.
    expect(playback).toMatchObject({ status: 'loading', engine: 'element', mediaType: 'audio/wav', blob: result.current.blob })
    expect(playback.status !== 'idle' && playback.url).toMatch(/^blob:/)
    expect(urls.live()).toHaveLength(2)
    act(() => result.current.stop())
    expect(result.current.playback).toEqual({ status: 'idle' })
    expect(result.current.status).toBe('success') // stopping the sound keeps the audio
    expect(urls.live()).toEqual([result.current.audioUrl])
    act(() => result.current.replay())
    expect(result.current.playback).toMatchObject({ status: 'loading', engine: 'element' })
    unmount()
    expect(urls.live()).toEqual([])
    expect(emu.emulator.requests).toHaveLength(1)
  })

  it('an abort during the download stops the player too, and a newer speak supersedes the playing one', async () => {
    const { result } = renderHook(() => useSpeech({ ...speechOptions, play: 'whole' }), { wrapper: emu.wrapper() })
    let first!: Promise<Error>
    act(() => {
      first = caught(result.current.speakAsync('First', { headers: fault('slow-body:1500') }))
    })
    await waitFor(() => expect(result.current.playback.status).toBe('loading'))
    await act(() => result.current.speakAsync('Second'))
    expect(isAbortError(await first)).toBe(true)
    expect(result.current.playback).toMatchObject({ status: 'loading', engine: 'element' })
    act(() => result.current.speak('Third', { headers: fault('slow-body:1500') }))
    await waitFor(() => expect(result.current.playback.status !== 'idle' && result.current.playback.blob).toBe(undefined))
    act(() => result.current.abort())
    expect(result.current.playback).toEqual({ status: 'idle' })
    expect(result.current.status).toBe('idle')
  })
})
