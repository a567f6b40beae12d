/**
 * Why recording could not start or go on: `not-allowed` (the user or a policy refused the
 * microphone: `NotAllowedError`), `not-found` (no microphone: `NotFoundError`), `not-supported`
 * (no MediaRecorder or getUserMedia here, e.g. an insecure origin), `failed` (anything else, e.g.
 * the device is busy: `cause` tells).
 */
export type RecorderErrorReason = 'not-allowed' | 'not-found' | 'not-supported' | 'failed'

export class RecorderError extends Error {
  override name = 'RecorderError'
  readonly reason: RecorderErrorReason

  constructor(reason: RecorderErrorReason, message: string, options?: ErrorOptions) {
    super(message, options)
    this.reason = reason
  }
}

export function isRecorderError(error: unknown): error is RecorderError {
  return error instanceof Error && error.name === 'RecorderError' && 'reason' in error
}

/** Turns what getUserMedia or MediaRecorder threw into a RecorderError with a reason. */
export function toRecorderError(error: unknown): RecorderError {
  if (isRecorderError(error)) return error
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new RecorderError('not-allowed', 'Microphone access was refused', { cause: error })
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return new RecorderError('not-found', 'No microphone was found', { cause: error })
  }
  const detail = error instanceof Error ? error.message : String(error)
  return new RecorderError('failed', `Recording failed: ${detail}`, { cause: error })
}
