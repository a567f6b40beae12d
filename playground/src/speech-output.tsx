import { useEffect, useRef, useState } from 'react'
import type { SpeechFormat } from 'voxfetch'
import type { UseSpeechResult } from 'voxfetch/react'
import { ErrorNotice } from './error-notice.tsx'
import { extensionFor, formatBytes, formatOfMediaType } from './format.ts'

interface SpeechOutputProps {
  speech: UseSpeechResult
  /** The format asked for (`auto`: none), to say so when another one came back. */
  requested: SpeechFormat | 'auto'
  /** `performance.now()` when Speak was pressed: the time to first sound is measured from it. */
  requestedAt: number | undefined
  onTranscribe(file: File): void
}

/** When the sound started, and whether the download was still running then. */
interface FirstSound {
  ms: number
  downloading: boolean
}

function useFirstSound(speech: UseSpeechResult, requestedAt: number | undefined): FirstSound | undefined {
  const [first, setFirst] = useState<{ at: number; sound: FirstSound }>()
  // The previous clip may still be playing when Speak is pressed: only a start after this
  // request's own loading counts.
  const armed = useRef<number>(undefined)
  const status = speech.playback.status
  useEffect(() => {
    if (requestedAt === undefined || first?.at === requestedAt) return
    if (status !== 'playing') {
      armed.current = requestedAt
      return
    }
    if (armed.current !== requestedAt) return
    setFirst({ at: requestedAt, sound: { ms: performance.now() - requestedAt, downloading: speech.isPending } })
  }, [status, requestedAt, first, speech.isPending])
  return first?.at === requestedAt ? first?.sound : undefined
}

/** The clip, what came back (format, size, warnings, headers), or the error; nothing stale. */
export function SpeechOutput({ speech, requested, requestedAt, onTranscribe }: SpeechOutputProps) {
  const [duration, setDuration] = useState<number>()
  const firstSound = useFirstSound(speech, requestedAt)
  const { data, audioUrl, playback } = speech
  if (speech.error) return <div className="output"><ErrorNotice error={speech.error} /></div>
  if (!data || speech.isPending) {
    const streaming = speech.isPending && playback.status === 'playing'
    return (
      <div className="output output-empty" data-testid="speech-placeholder">
        {streaming
          ? <span data-testid="speech-streaming"><span className="record-dot" aria-hidden="true" /> Playing while it downloads · {playback.currentTime.toFixed(1)} s</span>
          : speech.isPending ? 'Synthesizing…' : 'Your audio will play here.'}
      </div>
    )
  }
  const received = formatOfMediaType(data.mediaType)
  const filename = `voxfetch-speech.${extensionFor(data.mediaType, received ?? data.format)}`
  const playable = received !== 'pcm'
  const warnings = [
    ...(received && requested !== 'auto' && received !== requested ? [{ option: 'response_format', message: `asked for ${requested}, the server sent ${received}` }] : []),
    ...data.warnings,
  ]
  const headers = [...data.headers].sort(([a], [b]) => a.localeCompare(b))
  return (
    <div className="output" aria-live="polite">
      {playable ? (
        // The hook played it already (play: 'stream' or 'whole'); this element is for replay.
        <audio key={audioUrl} controls src={audioUrl} data-testid="speech-audio" onLoadedMetadata={(event) => setDuration(event.currentTarget.duration)} />
      ) : (
        <p className="notice">Raw PCM samples have no header a browser can play: download them, or pick wav.</p>
      )}
      <ul className="chips">
        <li data-testid="result-format">{received ?? 'unknown format'} · {data.mediaType}</li>
        <li>{formatBytes(data.blob.size)}</li>
        {firstSound && (
          <li data-testid="first-sound" data-downloading={String(firstSound.downloading)} title={firstSound.downloading ? 'the sound started before the last byte arrived' : 'the sound started after the last byte arrived'}>
            sound after {Math.round(firstSound.ms)} ms{firstSound.downloading ? ', mid-download' : ''}
          </li>
        )}
        {duration !== undefined && Number.isFinite(duration) && <li>{duration.toFixed(1)} s</li>}
        {data.requestId && <li title={`request id ${data.requestId}`}>id {data.requestId.slice(0, 8)}</li>}
      </ul>
      {warnings.length > 0 && (
        <ul className="notice notice-warn" data-testid="warnings">
          {warnings.map((warning) => <li key={warning.option}><strong>{warning.option}</strong>: {warning.message}</li>)}
        </ul>
      )}
      <div className="actions">
        {audioUrl && <a className="button" href={audioUrl} download={filename} data-testid="download">Download</a>}
        {playable && (
          <button className="button" type="button" onClick={() => onTranscribe(new File([data.blob], filename, { type: data.mediaType }))} data-testid="transcribe-clip">
            Transcribe this clip →
          </button>
        )}
      </div>
      <details className="disclosure">
        <summary>Response headers ({headers.length})</summary>
        <dl className="facts facts-wide" data-testid="response-headers">
          {headers.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  )
}
