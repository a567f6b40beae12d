import { useState } from 'react'
import type { SpeechFormat } from 'voxfetch'
import { useSpeech, type UseSpeechOptions } from 'voxfetch/react'
import { CodePeek, optionsLiteral } from './code-peek.tsx'
import { testHeaders } from './connection.ts'
import { ModelField } from './model-field.tsx'
import { speechModelInfo, type ServerKind, type SpeechModelInfo } from './speech-capabilities.ts'
import { SpeechOutput } from './speech-output.tsx'

// 'auto' sends no response_format: a proxy alias's model picks (mp3 for OpenAI, WAV for Gemini).
type FormatChoice = SpeechFormat | 'auto'
type PlaybackMode = Exclude<UseSpeechOptions['play'], false | undefined>

const SAMPLE = 'Hello! This voice was synthesized on request and started playing with its first bytes, while the rest was still arriving. Now send it back to be transcribed.'
/** What OpenAI (and so a LiteLLM proxy in front of it) accepts as `input`; longer text is refused with a 400. */
const MAX_INPUT = 4096

interface SpeechCardProps {
  models: readonly SpeechModelInfo[]
  server: ServerKind
  /** Hands the clip to the transcription card. */
  onTranscribe(file: File): void
}

/** Keeps the user's choice while the model offers it, else the model's first. */
const pick = <T,>(offered: readonly T[], chosen: T): T => (offered.includes(chosen) ? chosen : offered[0]!)

export function SpeechCard({ models, server, onTranscribe }: SpeechCardProps) {
  const [text, setText] = useState(SAMPLE)
  const [model, setModel] = useState(models[0]?.name ?? 'tts')
  const [chosenVoice, setVoice] = useState('alloy')
  const [chosenFormat, setFormat] = useState<FormatChoice>('auto')
  const [speed, setSpeed] = useState(1)
  const [instructions, setInstructions] = useState('')
  const [playMode, setPlayMode] = useState<PlaybackMode>('stream')
  const [requestedAt, setRequestedAt] = useState<number>()
  // A typed-in model is judged by its name, as a proxy alias can only be.
  const info = models.find((entry) => entry.name === model) ?? speechModelInfo(model, model, server)
  const voice = pick(info.voices, chosenVoice)
  const formats: readonly FormatChoice[] = ['auto', ...info.formats]
  const format = pick(formats, chosenFormat)
  const options = {
    model,
    voice,
    response_format: format === 'auto' ? undefined : format,
    speed: info.speed && speed !== 1 ? speed : undefined,
    instructions: (info.instructions && instructions.trim()) || undefined,
  }
  const speech = useSpeech({ ...options, play: playMode })
  const tooLong = text.length > MAX_INPUT
  // Speed is the chosen model's: a new model starts at its own default.
  const chooseModel = (next: string) => {
    setModel(next)
    setSpeed(1)
  }

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
          setRequestedAt(performance.now())
          speech.speak(text, { headers: testHeaders() })
        }}
      >
        <div className="field">
          <label className="label" htmlFor="speech-text">
            Text <span className={tooLong ? 'hint hint-error' : 'hint'} data-testid="speech-count">{text.length.toLocaleString('en')} / {MAX_INPUT.toLocaleString('en')}</span>
          </label>
          <textarea id="speech-text" rows={4} value={text} onChange={(event) => setText(event.target.value)} aria-invalid={tooLong} aria-describedby={tooLong ? 'speech-too-long' : undefined} data-testid="speech-text" />
          {tooLong && <p className="hint hint-error" id="speech-too-long" data-testid="speech-too-long">At most {MAX_INPUT.toLocaleString('en')} characters in one request: shorten the text by {(text.length - MAX_INPUT).toLocaleString('en')}.</p>}
        </div>
        <div className="grid-2">
          <ModelField label="Model" models={models.map((entry) => entry.name)} value={model} onChange={chooseModel} />
          <div className="field">
            <label className="label" htmlFor="speech-voice">Voice</label>
            <select id="speech-voice" value={voice} onChange={(event) => setVoice(event.target.value)} data-testid="speech-voice">
              {info.voices.map((name) => <option key={name}>{name}</option>)}
            </select>
          </div>
        </div>
        <fieldset className="field">
          <legend className="label">Format</legend>
          <div className="segmented" data-testid="speech-formats">
            {formats.map((name) => (
              <label key={name} className="segment">
                <input type="radio" name="speech-format" value={name} checked={format === name} onChange={() => setFormat(name)} />
                <span>{name}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid-2 grid-2-wide">
          <div className="field">
            <label className="label" htmlFor="speech-speed">Speed <span className="hint">{info.speed ? `${speed.toFixed(2)}×` : 'not used'}</span></label>
            <input id="speech-speed" type="range" min={0.25} max={4} step={0.25} value={info.speed ? speed : 1} disabled={!info.speed} onChange={(event) => setSpeed(Number(event.target.value))} />
          </div>
          <div className="field">
            <label className="label" htmlFor="speech-instructions">Instructions <span className="hint">{info.instructions ? 'optional' : 'not used'}</span></label>
            <input
              id="speech-instructions"
              value={info.instructions ? instructions : ''}
              placeholder={info.instructions ? 'Speak warmly' : 'Not for this model'}
              disabled={!info.instructions}
              aria-describedby={info.note ? 'speech-note' : undefined}
              onChange={(event) => setInstructions(event.target.value)}
              data-testid="speech-instructions"
            />
          </div>
        </div>
        {info.note && <p className="hint" id="speech-note" data-testid="speech-note">{info.note}.</p>}
        <fieldset className="field">
          <legend className="label">Playback <span className="hint">{playMode === 'stream' ? 'sound starts with the first bytes' : 'sound starts after the last byte'}</span></legend>
          <div className="segmented" data-testid="speech-play-mode">
            {(['stream', 'whole'] as const).map((mode) => (
              <label key={mode} className="segment">
                <input type="radio" name="speech-play" value={mode} checked={playMode === mode} onChange={() => setPlayMode(mode)} data-testid={`play-${mode}`} />
                <span>{mode === 'stream' ? 'Streamed' : 'Whole clip'}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="actions">
          <button className="button button-primary" type="submit" disabled={!text.trim() || tooLong} data-testid="speak">
            {speech.isPending ? <><span className="spinner" aria-hidden="true" />Speaking…</> : 'Speak'}
          </button>
          {(speech.isPending || speech.playback.status === 'playing') && <button className="button" type="button" onClick={speech.stop} data-testid="speech-stop">Stop</button>}
        </div>
      </form>
      <SpeechOutput speech={speech} requested={format} requestedAt={requestedAt} onTranscribe={onTranscribe} />
      <CodePeek code={`const { speak, playback, audioUrl } = useSpeech(${optionsLiteral({ ...options, play: playMode })})\n\nspeak(text) // ${playMode === 'stream' ? 'plays from the first bytes' : 'plays once the last byte is in'}; audioUrl for replay`} />
    </section>
  )
}
