import { useCallback, useEffect, useRef, useState } from 'react'

export type RecorderState =
  | { status: 'unsupported' }
  | { status: 'idle' }
  | { status: 'starting' }
  | { status: 'recording'; startedAt: number }
  | { status: 'error'; error: Error }

/** Opus in WebM where the browser records it (Chromium, Firefox), else the browser's default. */
const PREFERRED_TYPE = 'audio/webm;codecs=opus'

function supported(): boolean {
  return typeof window !== 'undefined' && typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia)
}

/**
 * Records the microphone with MediaRecorder and hands over a File when stopped. The recorder
 * and the microphone are released on stop and on unmount.
 */
export function useRecorder(onRecorded: (file: File) => void) {
  const [state, setState] = useState<RecorderState>(() => (supported() ? { status: 'idle' } : { status: 'unsupported' }))
  const session = useRef<{ recorder?: MediaRecorder; stream?: MediaStream; cancelled: boolean }>(undefined)
  const deliver = useRef(onRecorded)
  deliver.current = onRecorded

  const release = useCallback(() => {
    const current = session.current
    session.current = undefined
    if (!current) return
    current.cancelled = true
    if (current.recorder?.state === 'recording') current.recorder.stop()
    current.stream?.getTracks().forEach((track) => track.stop())
  }, [])

  useEffect(() => release, [release])

  const start = useCallback(async () => {
    release()
    const current: NonNullable<typeof session.current> = { cancelled: false }
    session.current = current
    setState({ status: 'starting' })
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true })
      if (current.cancelled) return stream.getTracks().forEach((track) => track.stop())
      const mimeType = MediaRecorder.isTypeSupported(PREFERRED_TYPE) ? PREFERRED_TYPE : ''
      const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {})
      const chunks: Blob[] = []
      recorder.ondataavailable = (event) => {
        if (event.data.size > 0) chunks.push(event.data)
      }
      recorder.onstop = () => {
        stream.getTracks().forEach((track) => track.stop())
        const type = recorder.mimeType || 'audio/webm'
        const extension = type.includes('ogg') ? 'ogg' : type.includes('mp4') ? 'm4a' : 'webm'
        if (!current.cancelled && chunks.length > 0) deliver.current(new File(chunks, `recording.${extension}`, { type: type.split(';')[0] }))
        if (!current.cancelled) setState({ status: 'idle' })
      }
      Object.assign(current, { recorder, stream })
      recorder.start(250)
      setState({ status: 'recording', startedAt: Date.now() })
    } catch (error) {
      session.current = undefined
      const reason = error as Error
      const message = reason.name === 'NotAllowedError' ? 'Microphone access was denied. Allow it in the address bar, then try again.' : reason.message
      setState({ status: 'error', error: Object.assign(new Error(message), { name: reason.name || 'Error' }) })
    }
  }, [release])

  const stop = useCallback(() => {
    const current = session.current
    session.current = undefined
    if (current?.recorder?.state === 'recording') current.recorder.stop()
    else current?.stream?.getTracks().forEach((track) => track.stop())
  }, [])

  return { state, start, stop }
}
