import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { FileTooLargeError, InvalidRequestError, isAbortError } from '../../src/index.ts'
import { type TranscriptionProgress, useSpeech, useTranscription } from '../../react/index.ts'
import { caught, fault, spokenWav, useEmulator } from './helpers.tsx'

const emu = useEmulator()
const MB = 1024 * 1024

/** A real spoken WAV padded with silence-like zeros to `bytes`, so uploads take measurable time. */
async function paddedWav(text: string, bytes: number): Promise<File> {
  const wav = await spokenWav(emu.client(), text)
  return new File([wav, new Uint8Array(Math.max(0, bytes - wav.size))], 'padded.wav', { type: 'audio/wav' })
}

/** The transcription POSTs the emulator saw (not the speech calls that made the test files, nor CORS preflights). */
const uploads = () =>
  emu.emulator.requests.filter((request) => request.method === 'POST' && request.path === '/v1/audio/transcriptions')
/** Every request to the transcription endpoint, CORS preflights included. */
const transcriptionRequests = () => emu.emulator.requests.filter((request) => request.path === '/v1/audio/transcriptions')
// Far larger than loopback socket buffers, read slowly: after an abort the server gets an early
// end of body instead of draining megabytes the kernel had already taken.
const slowUpload = (bytesPerSecond: number) => ({ 'x-emulator-upload-rate': String(bytesPerSecond) })

const settled = () => emu.emulator.waitForSettled(emu.emulator.requests.length, 10_000)

describe('useTranscription', () => {
  it('transcribes the WAV useSpeech spoke back into the spoken text', async () => {
    const { result } = renderHook(
      () => ({
        speech: useSpeech({ model: 'tts', voice: 'alloy', response_format: 'wav' }),
        transcription: useTranscription({ model: 'whisper', accept: ['audio/*'] }),
      }),
      { wrapper: emu.wrapper() },
    )
    await act(() => result.current.speech.speakAsync('The quick brown fox'))
    const file = new File([result.current.speech.blob!], 'fox.wav', { type: result.current.speech.mediaType })
    expect(result.current.transcription.status).toBe('idle')
    act(() => result.current.transcription.transcribe(file))
    expect(result.current.transcription.isPending).toBe(true)
    await waitFor(() => expect(result.current.transcription.status).toBe('success'))
    expect(result.current.transcription.text).toBe('The quick brown fox')
    expect(result.current.transcription.data).toMatchObject({ text: 'The quick brown fox', format: 'json', provider: 'proxy' })
    expect(result.current.transcription.progress).toBeUndefined()
    expect(uploads().at(-1)).toMatchObject({
      path: '/v1/audio/transcriptions',
      completed: true,
      file: { filename: 'fox.wav', mimeType: 'audio/wav', size: file.size },
      fields: { model: 'whisper' },
    })
  })

  it('reports progress: uploading, then processing at exactly 100 %, then the answer', async () => {
    const seen: (TranscriptionProgress | undefined)[] = []
    const { result } = renderHook(
      () => {
        const transcription = useTranscription({ model: 'whisper' })
        if (transcription.isPending) seen.push(transcription.progress)
        return transcription
      },
      { wrapper: emu.wrapper() },
    )
    const file = await paddedWav('Progress please', 2 * MB)
    act(() => result.current.transcribe(file, { headers: fault('slow-body:300') }))
    await waitFor(() => expect(result.current.text).toBe('Progress please'))
    const reports = seen.filter((progress): progress is TranscriptionProgress => progress !== undefined)
    const phases = reports.map((progress) => progress.phase)
    expect(phases[0]).toBe('uploading')
    expect(phases.at(-1)).toBe('processing')
    expect(phases.lastIndexOf('uploading')).toBeLessThan(phases.indexOf('processing'))
    for (const progress of reports) {
      expect(progress.total).toBeGreaterThan(file.size) // the multipart body: file plus fields
      expect(progress.phase).toBe(progress.percent === 100 ? 'processing' : 'uploading')
    }
    for (let i = 1; i < reports.length; i++) expect(reports[i]!.loaded).toBeGreaterThanOrEqual(reports[i - 1]!.loaded)
    expect(reports.find((progress) => progress.phase === 'processing')).toMatchObject({ percent: 100, loaded: reports[0]!.total })
  })

  it('says why progress starts over: a retried upload goes back to uploading with a higher attempt', async () => {
    const seen: TranscriptionProgress[] = []
    const { result } = renderHook(
      () => {
        const transcription = useTranscription({ model: 'whisper', maxRetries: 2 })
        if (transcription.progress && transcription.progress !== seen.at(-1)) seen.push(transcription.progress)
        return transcription
      },
      { wrapper: emu.wrapper() },
    )
    const file = await paddedWav('Once more', 1 * MB)
    act(() => result.current.transcribe(file, { headers: { ...fault('503'), 'x-emulator-fault-times': '1' } }))
    await waitFor(() => expect(result.current.status).not.toBe('pending'), { timeout: 10_000 })
    expect(result.current.error).toBeUndefined()
    expect(result.current.text).toBe('Once more')
    expect(seen.map((progress) => progress.attempt).filter((value, index, all) => all.indexOf(value) === index)).toEqual([1, 2])
    for (let index = 1; index < seen.length; index++) {
      const [before, after] = [seen[index - 1]!, seen[index]!]
      if (before.phase === 'processing' && after.phase === 'uploading') expect(after.attempt).toBe(before.attempt + 1)
      if (after.attempt === before.attempt) expect(after.loaded).toBeGreaterThanOrEqual(before.loaded)
    }
  })

  it('updates progress at most 20 times a second while bytes go out (fetch path, slow server)', async () => {
    // jsdom's XHR reports upload progress only once the answer's headers arrive; without XHR the
    // core counts the bytes the network layer pulls, which a slow-reading server throttles.
    vi.stubGlobal('XMLHttpRequest', undefined)
    const updates: { at: number; progress: TranscriptionProgress }[] = []
    const { result } = renderHook(
      () => {
        const transcription = useTranscription({ model: 'whisper' })
        const last = updates.at(-1)?.progress
        if (transcription.progress && transcription.progress !== last) updates.push({ at: Date.now(), progress: transcription.progress })
        return transcription
      },
      { wrapper: emu.wrapper() },
    )
    const file = await paddedWav('Counted upload', 16 * MB)
    const started = Date.now()
    act(() => result.current.transcribe(file, { headers: slowUpload(16 * MB) }))
    await waitFor(() => expect(result.current.text).toBe('Counted upload'))
    const seconds = (Date.now() - started) / 1000
    const uploading = updates.filter(({ progress }) => progress.phase === 'uploading')
    expect(uploading.filter(({ progress }) => progress.percent > 0 && progress.percent < 100).length).toBeGreaterThanOrEqual(3)
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(seconds * 20) + 2)
    const finalUpload = updates.findIndex(({ progress }) => progress.percent === 100)
    expect(updates[finalUpload]!.progress).toMatchObject({ phase: 'processing', loaded: updates[0]!.progress.total })
    expect(updates.slice(0, finalUpload).every(({ progress }) => progress.phase === 'uploading')).toBe(true)
  })

  it('refuses a file over maxFileSizeMB with the proxy’s exact message, before sending a byte', async () => {
    const onError = vi.fn()
    const { result } = renderHook(() => useTranscription({ model: 'whisper', maxFileSizeMB: 1, onError }), {
      wrapper: emu.wrapper(),
    })
    const file = await paddedWav('Too big', 1.5 * MB)
    act(() => result.current.transcribe(file))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBeInstanceOf(FileTooLargeError)
    expect(result.current.error!.message).toBe(
      'File size is too large. Please check your file size. Passed file size: 1.5 MB. Max file size: 1.0 MB',
    )
    expect(onError).toHaveBeenCalledWith(result.current.error, file)
    expect(transcriptionRequests()).toHaveLength(0)
  })

  it('takes maxFileSizeMB per call too', async () => {
    const { result } = renderHook(() => useTranscription({ model: 'whisper' }), { wrapper: emu.wrapper() })
    const file = await paddedWav('Per call limit', 0.6 * MB)
    const error = await act(() => caught(result.current.transcribeAsync(file, { maxFileSizeMB: 0.5 })))
    expect(error).toBeInstanceOf(FileTooLargeError)
    expect((error as FileTooLargeError).maxFileSizeMB).toBe(0.5)
    expect(transcriptionRequests()).toHaveLength(0)
  })

  it('refuses a file whose type matches no accept pattern, before sending anything', async () => {
    const { result } = renderHook(() => useTranscription({ model: 'whisper', accept: ['audio/*'] }), {
      wrapper: emu.wrapper(),
    })
    act(() => result.current.transcribe(new File(['not audio'], 'notes.txt', { type: 'text/plain' })))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBeInstanceOf(InvalidRequestError)
    expect(result.current.error).toMatchObject({ field: 'file' })
    expect(result.current.error!.message).toBe('file: must match audio/*; got type "text/plain" and name "notes.txt"')
    expect(transcriptionRequests()).toHaveLength(0)
  })

  it('matches accept by extension and by MIME type, ignoring type parameters', async () => {
    const { result } = renderHook(() => useTranscription({ model: 'whisper', accept: ['.wav', 'audio/webm'] }), {
      wrapper: emu.wrapper(),
    })
    const wav = await spokenWav(emu.client(), 'By extension')
    const mp3Named = new File([wav], 'memo.mp3', { type: 'audio/mpeg' })
    const error = await act(() => caught(result.current.transcribeAsync(mp3Named)))
    expect(error).toMatchObject({ name: 'InvalidRequestError', field: 'file' })
    expect(transcriptionRequests()).toHaveLength(0)

    const untypedWav = new File([wav], 'memo.WAV')
    await act(() => result.current.transcribeAsync(untypedWav))
    expect(result.current.text).toBe('By extension')
    const webm = new Blob(['x'], { type: 'audio/webm;codecs=opus' })
    const notEmpty = await act(() => caught(result.current.transcribeAsync(webm, { maxFileSizeMB: 0.0000001 })))
    expect(notEmpty).toBeInstanceOf(FileTooLargeError) // accepted by type, then stopped by size
  })

  it('refuses a zero-byte file with an InvalidRequestError on field file, sending nothing', async () => {
    const { result } = renderHook(() => useTranscription({ model: 'whisper' }), { wrapper: emu.wrapper() })
    act(() => result.current.transcribe(new File([], 'empty.wav', { type: 'audio/wav' })))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBeInstanceOf(InvalidRequestError)
    expect(result.current.error).toMatchObject({ field: 'file' })
    expect(transcriptionRequests()).toHaveLength(0)
  })

  it('aborts the upload when the component unmounts', async () => {
    const { result, unmount } = renderHook(() => useTranscription({ model: 'whisper' }), { wrapper: emu.wrapper() })
    const file = await paddedWav('Unmounted', 16 * MB)
    let pending!: Promise<Error>
    act(() => {
      pending = caught(result.current.transcribeAsync(file, { headers: slowUpload(4 * MB) }))
    })
    await waitFor(() => expect(uploads()[0]?.bodyBytes).toBeGreaterThan(0))
    unmount()
    expect(isAbortError(await pending)).toBe(true)
    await settled()
    expect(uploads()).toHaveLength(1)
    expect(uploads()[0]!.completed).toBe(false)
    expect(uploads()[0]!.bodyBytes).toBeLessThan(file.size)
  })

  it('a user abort mid-upload returns to idle and the server never gets the whole file', async () => {
    const onError = vi.fn()
    const { result } = renderHook(() => useTranscription({ model: 'whisper', onError }), { wrapper: emu.wrapper() })
    const file = await paddedWav('Aborted', 16 * MB)
    act(() => result.current.transcribe(file, { headers: slowUpload(4 * MB) }))
    await waitFor(() => expect(uploads()[0]?.bodyBytes).toBeGreaterThan(0))
    act(() => result.current.abort())
    expect(result.current).toMatchObject({ status: 'idle', progress: undefined, error: undefined })
    await settled()
    expect(uploads()[0]!.completed).toBe(false)
    expect(result.current.status).toBe('idle')
    expect(onError).not.toHaveBeenCalled()
  })

  it('lets the last call win: a newer file cancels the slow upload before it', async () => {
    const { result } = renderHook(() => useTranscription({ model: 'whisper' }), { wrapper: emu.wrapper() })
    const slow = await paddedWav('Slow first', 16 * MB)
    const fast = await spokenWav(emu.client(), 'Fast second')
    let first!: Promise<Error>
    act(() => {
      first = caught(result.current.transcribeAsync(slow, { headers: slowUpload(4 * MB) }))
    })
    await waitFor(() => expect(uploads()[0]?.bodyBytes).toBeGreaterThan(0))
    await act(() => result.current.transcribeAsync(fast))
    expect(isAbortError(await first)).toBe(true)
    expect(result.current.text).toBe('Fast second')
    await settled()
    expect(uploads().map((request) => request.completed)).toEqual([false, true])
  })

  it('keeps transcribe and transcribeAsync stable across renders', () => {
    const { result, rerender } = renderHook(({ model }) => useTranscription({ model }), {
      wrapper: emu.wrapper(),
      initialProps: { model: 'whisper' },
    })
    const { transcribe, transcribeAsync } = result.current
    rerender({ model: 'gpt-4o-transcribe' })
    expect(result.current.transcribe).toBe(transcribe)
    expect(result.current.transcribeAsync).toBe(transcribeAsync)
  })
})
