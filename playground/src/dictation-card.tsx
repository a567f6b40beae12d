import { useState } from 'react'
import { type UseDictationResult, useDictation, useObjectURL } from 'voxfetch/react'
import { pickRecordingFormat } from 'voxfetch/recorder'
import { testHeaders } from './connection.ts'
import { ErrorNotice } from './error-notice.tsx'
import { formatBytes, formatSeconds } from './format.ts'
import { ModelField } from './model-field.tsx'
import type { TranscriptionModelInfo } from './playground-info.ts'

interface DictationCardProps {
  models: readonly TranscriptionModelInfo[]
}

const canCapture = () => typeof AudioContext !== 'undefined' && Boolean(globalThis.navigator?.mediaDevices?.getUserMedia)
/** The recorder's compressed format here (webm/opus in Chromium and Firefox, mp4/AAC in Safari), if MediaRecorder has one. */
const compressedFormat = () => (typeof MediaRecorder === 'undefined' ? undefined : pickRecordingFormat((type) => MediaRecorder.isTypeSupported(type)))
/** Plenty for speech, an eighth of the 16 kHz WAV's bitrate. */
const SPEECH_BITRATE = 32_000

/** Talk and watch the text grow: voxfetch's `useDictation` cuts the microphone at pauses and transcribes each piece while you go on. */
export function DictationCard({ models }: DictationCardProps) {
  const [model, setModel] = useState(models[0]?.name ?? 'whisper')
  const [compressed] = useState(compressedFormat)
  const [format, setFormat] = useState<'wav' | 'compressed'>('wav')
  const dictation = useDictation({
    model,
    params: { headers: testHeaders() },
    ...(format === 'compressed' && compressed && { mimeType: compressed.mimeType, audioBitsPerSecond: SPEECH_BITRATE }),
  })
  const recordingUrl = useObjectURL(dictation.recording)
  const { status, isListening, text, partialText, error } = dictation
  const busy = status === 'starting' || status === 'listening' || status === 'finishing'
  return (
    <section className="card card-wide" aria-labelledby="dictation-title" data-testid="dictation-card">
      <header className="card-head">
        <span className="card-icon card-icon-transcription" aria-hidden="true">
          <svg viewBox="0 0 24 24"><path d="M12 4v10M8 10a4 4 0 0 0 8 0M12 18v2M5 12h1M18 12h1" /></svg>
        </span>
        <div>
          <h2 id="dictation-title">Dictation</h2>
          <p className="muted">Talk; each pause sends what you said while you go on.</p>
        </div>
      </header>
      <div className="stack">
        <div className="grid-2">
          <ModelField label="Model" models={models.map((entry) => entry.name)} value={model} onChange={setModel} />
          <div className="field">
            <label className="label" htmlFor="dictation-format">Whole recording</label>
            <select id="dictation-format" value={format} disabled={busy} onChange={(event) => setFormat(event.target.value as 'wav' | 'compressed')} data-testid="dictation-format">
              <option value="wav">WAV, 16 kHz (the pieces' own audio)</option>
              {compressed && <option value="compressed">{compressed.extension.toUpperCase()}, {SPEECH_BITRATE / 1000} kbit/s ({compressed.mimeType})</option>}
            </select>
          </div>
        </div>
        {canCapture() ? (
          <div className="record-row">
            <button className={`button button-record${isListening ? ' is-recording' : ''}`} type="button" data-testid="dictate"
              onClick={isListening ? dictation.stop : dictation.start} disabled={status === 'starting' || status === 'finishing'}>
              <span className="record-dot" aria-hidden="true" />
              {isListening ? <>Stop · <span className="tabular">{formatSeconds(dictation.durationMs / 1000)}</span></> : status === 'starting' ? 'Asking for the microphone…' : status === 'finishing' ? 'Finishing…' : 'Start dictating'}
            </button>
            {isListening && <meter className="level-meter" min={0} max={100} value={Math.round(Math.min(1, Math.sqrt(dictation.level)) * 100)} aria-label="Microphone level" />}
          </div>
        ) : (
          <p className="hint">This browser cannot capture audio here (it needs https or localhost).</p>
        )}
        <p className="dictation-text" data-testid="dictation-text" aria-live="polite">
          {text}{text && partialText ? ' ' : ''}<span className="dictation-partial">{partialText}</span>
          {!text && !partialText && <span className="muted">{isListening ? 'Listening…' : 'The text appears here as you speak.'}</span>}
        </p>
        <Timeline dictation={dictation} />
        {recordingUrl && dictation.recording && (
          <a className="button" href={recordingUrl} download={dictation.recording.name} data-testid="dictation-download">
            Download the whole recording ({formatBytes(dictation.recording.size)} {dictation.recording.name.split('.').pop()!.toUpperCase()})
          </a>
        )}
        {error && <ErrorNotice error={error} />}
      </div>
    </section>
  )
}

/** The pieces on a line, as wide as they are long: silent (not sent), sending, done, failed (click to retry). */
function Timeline({ dictation }: { dictation: UseDictationResult }) {
  const { pieces } = dictation
  const total = pieces.at(-1)?.endMs ?? 0
  if (!pieces.length) return null
  return (
    <ol className="dictation-timeline" data-testid="dictation-timeline" aria-label="Pieces">
      {pieces.map((piece) => (
        <li key={piece.index} className={`piece piece-${piece.status}`} style={{ flexGrow: (piece.endMs - piece.startMs) / total }}
          title={`${(piece.startMs / 1000).toFixed(1)}–${(piece.endMs / 1000).toFixed(1)} s · ${piece.status}${piece.text ? `: ${piece.text}` : ''}`}
          data-status={piece.status}>
          {piece.status === 'failed' && <button type="button" className="link-button" onClick={() => dictation.retryPiece(piece.index)}>retry</button>}
        </li>
      ))}
    </ol>
  )
}
