/** Where a piece of the recording stands. */
export type PieceStatus =
  /** No voice in it: not sent, no text. */
  | 'silent'
  /** Waiting for a free upload slot. */
  | 'queued'
  | 'transcribing'
  | 'done'
  /** Transcription failed after the client's retries: its audio is kept, `retryPiece(index)` sends it again. */
  | 'failed'

/** A closed span of the recording and what became of it. Replaced, never mutated. */
export interface DictationPiece {
  /** 0, 1, 2… in recording order. */
  index: number
  /** Milliseconds from the start of the recording. */
  startMs: number
  endMs: number
  /** Samples `[startSample, endSample)` of the recording: the pieces tile it exactly. */
  startSample: number
  endSample: number
  status: PieceStatus
  /** The transcript (done), the words so far (transcribing, where the model streams), else ''. */
  text: string
  /** Why it failed. */
  error?: Error
  /** Why it closed: a pause, the maximum length, or the end of the recording. */
  reason: 'pause' | 'max-length' | 'end'
  /** `performance.now()` when it closed and when its text was complete. */
  closedAt: number
  doneAt?: number
}

export type DictationStatus = 'idle' | 'starting' | 'listening' | 'finishing' | 'done' | 'error'

/** A snapshot of a dictation; replaced, never mutated. */
export interface DictationState {
  status: DictationStatus
  /** The committed transcript: the finished pieces from the first on, in order, up to the first one still out. */
  text: string
  /** Text past `text`: words of pieces still transcribing, and pieces that finished ahead of an earlier one. */
  partialText: string
  pieces: readonly DictationPiece[]
  /** Input level, 0..1, while listening. */
  level: number
  /** Milliseconds recorded so far. */
  durationMs: number
  /** The whole recording as one file, once stopped: a WAV, or the compressed `mimeType` asked for. */
  recording?: File
  /** What ended the dictation: the microphone refused or lost (a `RecorderError`), or a bad option. */
  error?: Error
}

/** What `on(…)` can listen to. */
export interface DictationEvents {
  /** A piece closed (at a pause, the maximum length, or stop) and, if it has voice, was queued. */
  piece: DictationPiece
  /** `partialText` changed: words of a piece still being transcribed. */
  partial: { piece: DictationPiece; partialText: string }
  /** `text` grew: pieces committed in order. */
  commit: { text: string; pieces: readonly DictationPiece[] }
  /** A piece failed (it is marked in the text and can be retried), or the capture failed. */
  error: { error: Error; piece?: DictationPiece }
}

/** Marks a failed piece in the transcript, so a gap is never silent. */
export function gapMark(piece: DictationPiece): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(1)
  return `[untranscribed ${seconds(piece.startMs)}–${seconds(piece.endMs)} s]`
}
