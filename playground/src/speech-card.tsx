import { useState } from 'react'
import type { SpeechFormat } from 'voxfetch'
import { useSpeech, type UseSpeechResult } from 'voxfetch/react'
import { CodePeek, optionsLiteral } from './code-peek.tsx'
import { testHeaders } from './connection.ts'
import { ErrorNotice } from './error-notice.tsx'
import { extensionFor, formatBytes } from './format.ts'
import { ModelField } from './model-field.tsx'
import { voicesFor } from './voices.ts'

// 'auto' sends no response_format: a proxy alias's model picks (mp3 for OpenAI, WAV for Gemini).
const FORMATS: ReadonlyArray<SpeechFormat | 'auto'> = ['auto', 'mp3', 'wav', 'flac', 'opus', 'aac', 'pcm']
const SAMPLE = 'Hello! This voice was synthesized on request, streamed to your browser and played from a blob URL. Now send it back to be transcribed.'
const MAX_INPUT = 4096

interface SpeechCardProps {
  models: readonly string[]
  /** Hands the clip to the transcription card. */
  onTranscribe(file: File): void
}

export function SpeechCard({ models, onTranscribe }: SpeechCardProps) {
  const [text, setText] = useState(SAMPLE)
  const [model, setModel] = useState(models[0] ?? 'tts')
  const [chosenVoice, setVoice] = useState('alloy')
  const [format, setFormat] = useState<SpeechFormat | 'auto'>('auto')
  const [speed, setSpeed] = useState(1)
  const [instructions, setInstructions] = useState('')
  const voices = voicesFor(model)
  const voice = voices.includes(chosenVoice) ? chosenVoice : voices[0]!
  const options = {
    model,
    voice,
    response_format: format === 'auto' ? undefined : format,
    speed: speed === 1 ? undefined : speed,
    instructions: instructions.trim() || undefined,
  }
  const speech = useSpeech(options)

  return (
    <section className="card" aria-labelledby="speech-title" data-testid="speech-card">
      <header className="card-head">
        <span className="card-icon card-icon-speech" aria-hidden="true">
          <svg viewBox="0 0 24 24"><path d="M4 10v4M8 7v10M12 4v16M16 8v8M20 11v2" /></svg>
        </span>
        <div>
          <h2 id="speech-title">Text to speech</h2>
          <p className="muted">Type, pick a voice, listen.</p>
        </div>
      </header>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          speech.speak(text, { headers: testHeaders() })
        }}
      >
        <div className="field">
          <label className="label" htmlFor="speech-text">
            Text <span className="hint">{text.length.toLocaleString('en')} / {MAX_INPUT.toLocaleString('en')}</span>
          </label>
          <textarea id="speech-text" rows={4} value={text} onChange={(event) => setText(event.target.value)} data-testid="speech-text" />
        </div>
        <div className="grid-2">
          <ModelField label="Model" models={models} value={model} onChange={setModel} />
          <div className="field">
            <label className="label" htmlFor="speech-voice">Voice</label>
            <select id="speech-voice" value={voice} onChange={(event) => setVoice(event.target.value)}>
              {voices.map((name) => <option key={name}>{name}</option>)}
            </select>
          </div>
        </div>
        <fieldset className="field">
          <legend className="label">Format</legend>
          <div className="segmented">
            {FORMATS.map((name) => (
              <label key={name} className="segment">
                <input type="radio" name="speech-format" value={name} checked={format === name} onChange={() => setFormat(name)} />
                <span>{name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid-2 grid-2-wide">
          <div className="field">
            <label className="label" htmlFor="speech-speed">Speed <span className="hint">{speed.toFixed(2)}×</span></label>
            <input id="speech-speed" type="range" min={0.25} max={4} step={0.25} value={speed} onChange={(event) => setSpeed(Number(event.target.value))} />
          </div>
          <div className="field">
            <label className="label" htmlFor="speech-instructions">Instructions <span className="hint">gpt-4o-mini-tts</span></label>
            <input id="speech-instructions" value={instructions} placeholder="Speak warmly" onChange={(event) => setInstructions(event.target.value)} />
          </div>
        </div>
        <div className="actions">
          <button className="button button-primary" type="submit" disabled={!text.trim()} data-testid="speak">
            {speech.isPending ? <><span className="spinner" aria-hidden="true" />Speaking…</> : 'Speak'}
          </button>
          {speech.isPending && <button className="button" type="button" onClick={speech.abort}>Stop</button>}
        </div>
      </form>
      <SpeechOutput speech={speech} onTranscribe={onTranscribe} />
      <CodePeek code={`const { speak, audioUrl } = useSpeech(${optionsLiteral(options)})\n\nspeak(text) // then <audio src={audioUrl} controls />`} />
    </section>
  )
}

function SpeechOutput({ speech, onTranscribe }: { speech: UseSpeechResult; onTranscribe(file: File): void }) {
  const [duration, setDuration] = useState<number>()
  const { data, audioUrl } = speech
  if (speech.error) return <div className="output"><ErrorNotice error={speech.error} /></div>
  if (!data) {
    return (
      <div className="output output-empty" data-testid="speech-placeholder">
        {speech.isPending ? 'Synthesizing…' : 'Your audio will play here.'}
      </div>
    )
  }
  const filename = `voxfetch-speech.${extensionFor(data.mediaType, data.format)}`
  const playable = !/pcm|L16/i.test(data.mediaType)
  const headers = [...data.headers].sort(([a], [b]) => a.localeCompare(b))
  return (
    <div className="output" aria-live="polite">
      {playable ? (
        <audio
          key={audioUrl}
          controls
          autoPlay
          src={audioUrl}
          data-testid="speech-audio"
          onLoadedMetadata={(event) => setDuration(event.currentTarget.duration)}
        />
      ) : (
        <p className="notice">Raw PCM samples have no header a browser can play: download them, or pick wav.</p>
      )}
      <ul className="chips">
        <li>{data.mediaType}</li>
        <li>{formatBytes(data.blob.size)}</li>
        {duration !== undefined && Number.isFinite(duration) && <li>{duration.toFixed(1)} s</li>}
        {data.requestId && <li title={`request id ${data.requestId}`}>id {data.requestId.slice(0, 8)}</li>}
      </ul>
      <div className="actions">
        {audioUrl && <a className="button" href={audioUrl} download={filename} data-testid="download">Download</a>}
        <button className="button" type="button" onClick={() => onTranscribe(new File([data.blob], filename, { type: data.mediaType }))} data-testid="transcribe-clip">
          Transcribe this clip →
        </button>
      </div>
      {data.warnings.length > 0 && (
        <ul className="notice notice-warn" data-testid="warnings">
          {data.warnings.map((warning) => <li key={warning.option}><strong>{warning.option}</strong>: {warning.message}</li>)}
        </ul>
      )}
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
