import { useEffect, useMemo, useRef, useState } from 'react'
import { createClient, type TranscriptionFormat } from 'voxfetch'
import { useRecorder, useTranscription, type UseTranscriptionResult } from 'voxfetch/react'
import { CodePeek, optionsLiteral } from './code-peek.tsx'
import { testHeaders } from './connection.ts'
import { DropZone } from './drop-zone.tsx'
import { ErrorNotice } from './error-notice.tsx'
import { formatBytes } from './format.ts'
import { ModelField } from './model-field.tsx'
import type { StreamingTranscriptionInfo, TranscriptionModelInfo } from './playground-info.ts'
import { RecordButton } from './record-button.tsx'

const FORMATS: readonly TranscriptionFormat[] = ['json', 'verbose_json', 'text', 'srt', 'vtt']
const DEFAULT_LIMIT_MB = 25

interface TranscriptionCardProps {
  models: readonly TranscriptionModelInfo[]
  /** The extensions voxfetch accepts (the list its type error names). */
  uploadFormats: readonly string[]
  /** A clip handed over by the speech card; each new `id` is transcribed once. */
  handoff: { file: File; id: number } | undefined
  /** A model that streams its transcript on this origin (the emulator's OpenAI persona), if any. */
  streaming: StreamingTranscriptionInfo | undefined
}

// The emulator sends a transcript's events as fast as it can; this asks it to space them (its
// `x-emulator-stream-interval-ms` header) so the growing text can be seen. A real server paces
// them by recognition.
const EMULATOR_EVENT_INTERVAL_MS = '90'

export function TranscriptionCard({ models, uploadFormats, handoff, streaming }: TranscriptionCardProps) {
  const [chosenModel, setModel] = useState(models[0]?.name ?? 'whisper')
  const [stream, setStream] = useState(false)
  const streamClient = useMemo(
    // The key is the emulator's public test key, not a secret: hence the opt-in a real key never gets.
    () => streaming && createClient({ baseURL: `${window.location.origin}${streaming.path}`, apiKey: streaming.apiKey, dangerouslyAllowBrowser: true }),
    [streaming],
  )
  // Streaming goes to the model that streams; a proxy alias would answer whole.
  const model = stream && streaming ? streaming.model : chosenModel
  const [language, setLanguage] = useState('')
  const [format, setFormat] = useState<TranscriptionFormat>('json')
  const [file, setFile] = useState<File>()
  const limitMB = models.find((entry) => entry.name === model)?.maxFileSizeMB ?? DEFAULT_LIMIT_MB
  const options = {
    model,
    maxFileSizeMB: limitMB,
    response_format: format === 'json' ? undefined : format,
    language: language.trim() || undefined,
    ...(stream ? { stream: true } : {}),
  }
  const transcription = useTranscription({ ...options, ...(stream && streamClient ? { client: streamClient } : {}) })
  const start = (next: File) => {
    setFile(next)
    const paced: Record<string, string> = stream && streamClient ? { 'x-emulator-stream-interval-ms': EMULATOR_EVENT_INTERVAL_MS } : {}
    transcription.transcribe(next, { headers: { ...paced, ...testHeaders() } })
  }
  const recorder = useRecorder({ maxFileSizeMB: limitMB, onRecorded: (recorded) => start(recorded) })
  const card = useRef<HTMLElement>(null)
  const handled = useRef<number>(undefined)
  useEffect(() => {
    if (!handoff || handled.current === handoff.id) return
    handled.current = handoff.id
    start(handoff.file)
    card.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' })
    // Only a new handoff starts a transcription; option changes do not.
  }, [handoff])

  const names = models.map((entry) => entry.name)
  return (
    <section className="card" aria-labelledby="transcription-title" data-testid="transcription-card" ref={card}>
      <header className="card-head">
        <span className="card-icon card-icon-transcription" aria-hidden="true">
          <svg viewBox="0 0 24 24"><path d="M5 7h14M5 12h10M5 17h7" /></svg>
        </span>
        <div>
          <h2 id="transcription-title">Speech to text</h2>
          <p className="muted">Drop a file or record, watch it upload.</p>
        </div>
      </header>
      <div className="stack">
        <div className="grid-2 grid-2-wide">
          {stream && streaming ? (
            <div className="field">
              <span className="label">Model <span className="hint">streams its transcript</span></span>
              <p className="fixed-value" data-testid="stream-model">{streaming.model}</p>
            </div>
          ) : (
            <ModelField
              label="Model"
              models={names}
              value={chosenModel}
              onChange={setModel}
              describe={(name) => `max ${models.find((entry) => entry.name === name)?.maxFileSizeMB ?? DEFAULT_LIMIT_MB} MB`}
            />
          )}
          <div className="field">
            <label className="label" htmlFor="transcription-language">Language <span className="hint">optional</span></label>
            <input id="transcription-language" value={language} placeholder="en" onChange={(event) => setLanguage(event.target.value)} />
          </div>
        </div>
        <fieldset className="field">
          <legend className="label">Response format</legend>
          <div className="segmented">
            {FORMATS.map((name) => (
              <label key={name} className="segment">
                <input type="radio" name="transcription-format" value={name} checked={format === name} onChange={() => setFormat(name)} />
                <span>{name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="switch">
          <input type="checkbox" checked={stream} onChange={(event) => setStream(event.target.checked)} data-testid="transcription-stream" /><span className="switch-track" aria-hidden="true" />
          <span>Stream the transcript as it is recognized</span>
        </label>
        {stream && (
          <p className="hint" data-testid="stream-note">
            {streaming
              ? `A LiteLLM proxy answers a transcription whole, so this goes to the emulator's OpenAI persona on this origin (${streaming.path}, its public test key), which streams text deltas.`
              : 'A LiteLLM proxy answers a transcription whole: the text arrives at once, as one event. No upload progress while streaming.'}
          </p>
        )}
        <DropZone onFile={start} limitMB={limitMB} formats={uploadFormats} />
        <RecordButton recorder={recorder} />
        {file && <SelectedFile file={file} limitMB={limitMB} transcription={transcription} onRetry={() => start(file)} />}
        {/* Shown from the first upload event: a file refused before the network never flashes "Uploading… 0%". */}
        {((transcription.isPending && transcription.progress) || (transcription.isSuccess && file)) && <UploadProgress transcription={transcription} />}
      </div>
      <TranscriptionOutput transcription={transcription} />
      <CodePeek code={stream
        ? `const { transcribe, partialText } = useTranscription(${optionsLiteral(options)})\n\ntranscribe(file) // partialText grows with each delta`
        : `const { transcribe, progress, text } = useTranscription(${optionsLiteral(options)})\nconst { start, stop, level } = useRecorder({ onRecorded: transcribe })\n\ntranscribe(file) // progress.percent while it uploads, then text`} />
    </section>
  )
}

interface SelectedFileProps {
  file: File
  limitMB: number
  transcription: UseTranscriptionResult
  onRetry(): void
}

/** The chosen file; "Transcribe again" only when another try could end differently. */
function SelectedFile({ file, limitMB, transcription, onRetry }: SelectedFileProps) {
  const over = file.size > limitMB * 1024 * 1024
  const refused = transcription.error?.name === 'InvalidRequestError' || transcription.error?.name === 'FileTooLargeError'
  return (
    <div className="file-row" data-testid="selected-file">
      <span className="file-name" title={file.name}>{file.name}</span>
      <span className={over ? 'file-size is-over' : 'file-size'}>
        {formatBytes(file.size)}{over ? ` · over ${limitMB}\u00a0MB` : ''}
      </span>
      {!transcription.isPending && !over && !refused && (
        <button className="button button-small" type="button" onClick={onRetry} data-testid="transcribe-again">Transcribe again</button>
      )}
    </div>
  )
}

function UploadProgress({ transcription }: { transcription: UseTranscriptionResult }) {
  const { progress, isPending } = transcription
  const percent = isPending ? (progress?.percent ?? 0) : 100
  const label = !isPending
    ? 'Uploaded and transcribed'
    : progress?.phase === 'processing' ? 'Uploaded · transcribing…' : `Uploading… ${percent}%`
  return (
    <div className="progress-block">
      <div
        className={isPending ? 'progress is-active' : 'progress'}
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="upload-progress"
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="progress-row">
        <span data-testid="progress-label">{label}</span>
        {progress && <span className="hint">{formatBytes(progress.loaded)} of {formatBytes(progress.total)}</span>}
        {isPending && <button className="button button-small" type="button" onClick={transcription.abort} data-testid="cancel-upload">Cancel</button>}
      </div>
    </div>
  )
}

/** Headers objects print as `{}`; show their entries. */
const showHeaders = (_key: string, value: unknown) => (value instanceof Headers ? Object.fromEntries(value) : value)

function TranscriptionOutput({ transcription }: { transcription: UseTranscriptionResult }) {
  const { data, error } = transcription
  if (error) return <div className="output"><ErrorNotice error={error} /></div>
  if (transcription.isPending && transcription.partialText) {
    return (
      <div className="output" aria-live="polite">
        <p className="transcript is-growing" data-testid="partial-transcript">{transcription.partialText}<span className="caret" aria-hidden="true" /></p>
      </div>
    )
  }
  // A new attempt clears the transcript it will replace.
  if (!data || transcription.isPending) return null
  return (
    <div className="output" aria-live="polite">
      <p className="transcript" data-testid="transcript">{data.text}</p>
      <ul className="chips">
        {data.language && <li>{data.language}</li>}
        {data.duration !== undefined && <li>{data.duration.toFixed(1)} s</li>}
        {data.segments && <li>{data.segments.length} segment{data.segments.length === 1 ? '' : 's'}</li>}
        {data.words && <li>{data.words.length} words</li>}
      </ul>
      <details className="disclosure">
        <summary>Full result</summary>
        <pre className="json" data-testid="transcription-result">{JSON.stringify(data, showHeaders, 2)}</pre>
      </details>
    </div>
  )
}
