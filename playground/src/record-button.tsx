import type { UseRecorderResult } from 'voxfetch/react'
import { formatSeconds } from './format.ts'

interface RecordButtonProps {
  recorder: UseRecorderResult
}

const canRecord = () => typeof MediaRecorder !== 'undefined' && Boolean(globalThis.navigator?.mediaDevices?.getUserMedia)

/** Start / stop the microphone (voxfetch's `useRecorder`), with the time so far and a level meter. */
export function RecordButton({ recorder }: RecordButtonProps) {
  if (!canRecord()) {
    return <p className="hint">This browser cannot record here (microphone recording needs https or localhost).</p>
  }
  const { status, level, durationMs, error } = recorder
  // The meter's scale: speech sits around 0.05–0.3 RMS, so the square root spreads it out.
  const percent = Math.round(Math.min(1, Math.sqrt(level)) * 100)
  return (
    <div className="record-row">
      {status === 'recording' ? (
        <button className="button button-record is-recording" type="button" onClick={recorder.stop} data-testid="record">
          <span className="record-dot" aria-hidden="true" />Stop · <span className="tabular">{formatSeconds(durationMs / 1000)}</span>
        </button>
      ) : (
        <button className="button button-record" type="button" onClick={recorder.start} disabled={status === 'starting'} data-testid="record">
          <span className="record-dot" aria-hidden="true" />{status === 'starting' ? 'Asking for the microphone…' : 'Record from microphone'}
        </button>
      )}
      {status === 'recording' && (
        <meter className="level-meter" min={0} max={100} value={percent} aria-label="Microphone level" data-testid="record-level" data-level={level.toFixed(4)} />
      )}
      {error && <span className="hint hint-error" role="alert">{describe(error)}</span>}
    </div>
  )
}

/** A RecorderError's `reason` says what the user can do about it. */
function describe(error: Error): string {
  const reason = (error as { reason?: string }).reason
  if (reason === 'not-allowed') return 'Microphone access was denied. Allow it in the address bar, then try again.'
  if (reason === 'not-found') return 'No microphone was found.'
  return error.message
}
