import { RecorderError, toRecorderError } from './error.ts'
import { extensionForRecording } from './format.ts'

export interface CompressedRecordingOptions {
  /** A type MediaRecorder records here (see `assertRecordable`). */
  mimeType: string
  audioBitsPerSecond?: number
  /** The file name without extension. */
  fileName: string
  /** MediaRecorder failed; the file still comes from `stop()` with what was recorded. */
  onError(error: RecorderError): void
}

export interface CompressedRecording {
  /** Ends the recording; resolves with the whole file once MediaRecorder has handed over its last data (undefined after `close()`). */
  stop(): Promise<File | undefined>
  /** Ends it at once, keeping nothing. */
  close(): void
}

/** Refuses a type MediaRecorder cannot record here, so it fails before the microphone is asked for. */
export function assertRecordable(mimeType: string): void {
  if (typeof MediaRecorder === 'undefined' || !MediaRecorder.isTypeSupported(mimeType)) {
    throw new RecorderError('not-supported', `MediaRecorder cannot record ${mimeType} in this browser`)
  }
}

/**
 * Records `stream` into one compressed file while something else (the PCM capture) reads the same
 * stream. No timeslice: only MediaRecorder's first chunk carries the container header, so the file
 * is whole only as all of them together, handed over at stop.
 */
export function recordCompressed(stream: MediaStream, options: CompressedRecordingOptions): CompressedRecording {
  const recorder = new MediaRecorder(stream, {
    mimeType: options.mimeType,
    ...(options.audioBitsPerSecond ? { audioBitsPerSecond: options.audioBitsPerSecond } : {}),
  })
  const chunks: Blob[] = []
  let finish!: (file: File | undefined) => void
  const file = new Promise<File | undefined>((resolve) => (finish = resolve))
  recorder.ondataavailable = (event) => {
    if (event.data.size) chunks.push(event.data)
  }
  // MediaRecorder stops by itself when the tracks end (microphone lost) or after an error; the file comes all the same.
  recorder.onstop = () => {
    const type = recorder.mimeType || options.mimeType
    finish(new File(chunks, `${options.fileName}.${extensionForRecording(type)}`, { type }))
  }
  recorder.onerror = (event) => options.onError(toRecorderError((event as Event & { error?: unknown }).error ?? new Error('MediaRecorder failed')))
  recorder.start()
  return {
    stop() {
      if (recorder.state !== 'inactive') recorder.stop()
      return file
    },
    close() {
      recorder.ondataavailable = recorder.onstop = recorder.onerror = null
      if (recorder.state !== 'inactive') recorder.stop()
      chunks.length = 0
      finish(undefined)
    },
  }
}
