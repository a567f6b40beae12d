import { act, renderHook, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { useRecorder } from '../../react/index.ts'
import { isRecorderError, RecorderError } from '../../src/record/index.ts'

// jsdom has no getUserMedia, MediaRecorder or Web Audio: these fakes stand in for the platform
// only (the real thing runs in test/browser/recorder.test.ts). Nothing of voxfetch is replaced.
function fakeMicrophone(getUserMedia: () => Promise<unknown>) {
  vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia: vi.fn(getUserMedia) } })
}
function fakeStream() {
  const track = { readyState: 'live', stop: vi.fn(() => void (track.readyState = 'ended')) }
  return { track, stream: { getTracks: () => [track] } }
}
class FakeMediaRecorder {
  static isTypeSupported = (type: string) => type === 'audio/webm;codecs=opus'
  state = 'inactive'
  mimeType: string
  ondataavailable: ((event: { data: Blob }) => void) | null = null
  onstop: (() => void) | null = null
  onerror: (() => void) | null = null
  constructor(_stream: unknown, options: { mimeType?: string }) {
    this.mimeType = options.mimeType ?? ''
  }
  start() {
    this.state = 'recording'
  }
  stop() {
    this.state = 'inactive'
    this.ondataavailable?.({ data: new Blob(['opus bytes'], { type: this.mimeType }) })
    this.onstop?.()
  }
}

describe('useRecorder', () => {
  it("refuses with reason 'not-supported' where there is no MediaRecorder (jsdom), in state and onError", async () => {
    const onError = vi.fn()
    const { result } = renderHook(() => useRecorder({ onError }))
    expect(result.current).toMatchObject({ status: 'idle', isRecording: false, level: 0, file: undefined })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(isRecorderError(result.current.error)).toBe(true)
    expect((result.current.error as RecorderError).reason).toBe('not-supported')
    expect(onError).toHaveBeenCalledWith(result.current.error)
  })

  it.each([
    ['NotAllowedError', 'not-allowed'],
    ['NotFoundError', 'not-found'],
    ['NotReadableError', 'failed'],
  ])('turns a %s from getUserMedia into a RecorderError with reason %s', async (name, reason) => {
    vi.stubGlobal('MediaRecorder', FakeMediaRecorder)
    fakeMicrophone(() => Promise.reject(new DOMException('refused', name)))
    const { result } = renderHook(() => useRecorder())
    act(() => result.current.start())
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBeInstanceOf(RecorderError)
    expect(result.current.error).toMatchObject({ reason, cause: { name } })
  })

  it('hands the File to onRecorded on stop, named recording.webm, and releases the tracks', async () => {
    vi.stubGlobal('MediaRecorder', FakeMediaRecorder)
    const { track, stream } = fakeStream()
    fakeMicrophone(() => Promise.resolve(stream))
    const onRecorded = vi.fn()
    const { result } = renderHook(() => useRecorder({ onRecorded }), { wrapper: StrictMode })
    act(() => result.current.start())
    await waitFor(() => expect(result.current.status).toBe('recording'))
    expect(track.stop).not.toHaveBeenCalled()
    act(() => result.current.stop())
    await waitFor(() => expect(result.current.status).toBe('stopped'))
    expect(result.current.file).toBeInstanceOf(File)
    expect(result.current.file!.name).toBe('recording.webm')
    expect(result.current.file!.type).toBe('audio/webm;codecs=opus')
    expect(result.current.stopReason).toBe('user')
    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith(result.current.file, 'user'))
    expect(track.readyState).toBe('ended')
  })

  it('releases the microphone when the component unmounts mid-recording, and when it unmounts while permission is pending', async () => {
    vi.stubGlobal('MediaRecorder', FakeMediaRecorder)
    const first = fakeStream()
    fakeMicrophone(() => Promise.resolve(first.stream))
    const onRecorded = vi.fn()
    const recording = renderHook(() => useRecorder({ onRecorded }))
    act(() => recording.result.current.start())
    await waitFor(() => expect(recording.result.current.status).toBe('recording'))
    recording.unmount()
    expect(first.track.readyState).toBe('ended')

    const second = fakeStream()
    let grant!: (stream: unknown) => void
    fakeMicrophone(() => new Promise((resolve) => (grant = resolve)))
    const asking = renderHook(() => useRecorder({ onRecorded }))
    act(() => asking.result.current.start())
    expect(asking.result.current.status).toBe('starting')
    asking.unmount()
    grant(second.stream)
    await waitFor(() => expect(second.track.readyState).toBe('ended'))
    expect(onRecorded).not.toHaveBeenCalled()
  })
})
