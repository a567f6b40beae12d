import { useEffect, useState } from 'react'
import { formatSeconds } from './format.ts'
import type { RecorderState } from './use-recorder.ts'

interface RecordButtonProps {
  recorder: { state: RecorderState; start(): void; stop(): void }
}

/** Start / stop the microphone, with the time recorded so far. */
export function RecordButton({ recorder }: RecordButtonProps) {
  const { state } = recorder
  if (state.status === 'unsupported') {
    return <p className="hint">This browser cannot record here (microphone recording needs https or localhost).</p>
  }
  return (
    <div className="record-row">
      {state.status === 'recording' ? (
        <button className="button button-record is-recording" type="button" onClick={recorder.stop} data-testid="record">
          <span className="record-dot" aria-hidden="true" />Stop · <Elapsed since={state.startedAt} />
        </button>
      ) : (
        <button className="button button-record" type="button" onClick={recorder.start} disabled={state.status === 'starting'} data-testid="record">
          <span className="record-dot" aria-hidden="true" />{state.status === 'starting' ? 'Asking for the microphone…' : 'Record from microphone'}
        </button>
      )}
      {state.status === 'error' && <span className="hint hint-error" role="alert">{state.error.message}</span>}
    </div>
  )
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [])
  return <span className="tabular">{formatSeconds((now - since) / 1000)}</span>
}
