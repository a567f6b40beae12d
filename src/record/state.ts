/** Why a recording ended. */
export type StopReason = 'user' | 'max-duration' | 'max-size' | 'silence'

/** Where the recorder stands. Snapshots are replaced, never mutated. */
export type RecorderState =
  | { status: 'idle' }
  /** Waiting for the microphone (and the user's permission). */
  | { status: 'starting' }
  | {
      status: 'recording'
      /** Milliseconds recorded so far. */
      durationMs: number
      /** Input level for a meter, 0..1 (see `InputLevel.read`). */
      level: number
      /** Bytes of the recording so far. */
      bytes: number
      mimeType: string
    }
  | {
      status: 'stopped'
      /** The recording, named with the extension servers read its format from (`recording.webm`, `recording.m4a`…). */
      file: File
      durationMs: number
      reason: StopReason
    }
  | { status: 'error'; error: Error }

export type RecorderStatus = RecorderState['status']
