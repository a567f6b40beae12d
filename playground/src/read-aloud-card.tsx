import { useRef, useState } from 'react'
import { useSpeech } from 'voxfetch/react'
import { chatTextStream, findSpoken } from './chat-text.ts'
import { CodePeek } from './code-peek.tsx'
import { type Connection, testHeaders } from './connection.ts'
import { ErrorNotice } from './error-notice.tsx'
import { ModelField } from './model-field.tsx'
import type { ServerKind, SpeechModelInfo } from './speech-capabilities.ts'

const PROMPT = 'How does voxfetch read an answer aloud while it is still being written?'

interface ReadAloudCardProps {
  models: readonly SpeechModelInfo[]
  server: ServerKind
  connection: Connection
}

/** A chat answer streamed into the page and spoken as it grows, the sentence being read highlighted. */
export function ReadAloudCard({ models, server, connection }: ReadAloudCardProps) {
  const [prompt, setPrompt] = useState(PROMPT)
  const [chatModel, setChatModel] = useState('chat')
  const [model, setModel] = useState(models[0]?.name ?? 'tts')
  const [answer, setAnswer] = useState('')
  const [chatError, setChatError] = useState<Error>()
  const asking = useRef<AbortController>(undefined)
  // WAV pieces join without a gap on the Web Audio timeline.
  const speech = useSpeech({ model, voice: 'alloy', response_format: 'wav', play: 'stream' })
  const highlight = useRef<{ text: string; range: [number, number] | undefined; from: number }>({ text: '', range: undefined, from: 0 })
  if (speech.segment && speech.segment !== highlight.current.text) {
    const range = findSpoken(answer, speech.segment, highlight.current.from)
    highlight.current = { text: speech.segment, range, from: range ? range[1] : highlight.current.from }
  }
  const range = speech.segment ? highlight.current.range : undefined

  async function ask() {
    asking.current?.abort()
    const controller = new AbortController()
    asking.current = controller
    setAnswer('')
    setChatError(undefined)
    highlight.current = { text: '', range: undefined, from: 0 }
    // Still in the click: the player may start sound from here.
    speech.stop()
    try {
      const text = await chatTextStream(connection, { model: chatModel, prompt, headers: testHeaders(), signal: controller.signal }, (piece) => {
        if (asking.current === controller) setAnswer((written) => written + piece)
      })
      if (asking.current === controller) speech.speakStream(text, { headers: testHeaders() })
    } catch (error) {
      if (asking.current === controller && !controller.signal.aborted) setChatError(error as Error)
    }
  }
  function stop() {
    asking.current?.abort()
    speech.stop()
  }
  const busy = speech.isPending || speech.playback.status === 'playing'

  return (
    <section className="card card-wide" aria-labelledby="read-aloud-title" data-testid="read-aloud-card">
      <header className="card-head">
        <span className="card-icon card-icon-speech" aria-hidden="true">
          <svg viewBox="0 0 24 24"><path d="M4 6h16M4 12h10M4 18h7M17 14v6M20 16v2" /></svg>
        </span>
        <div>
          <h2 id="read-aloud-title">Read aloud as it is written</h2>
          <p className="muted">A chat answer streams in; each sentence is spoken as soon as it is complete.</p>
        </div>
      </header>
      <form className="stack" onSubmit={(event) => {
        event.preventDefault()
        void ask()
      }}>
        <div className="field">
          <label className="label" htmlFor="read-aloud-prompt">Question</label>
          <input id="read-aloud-prompt" value={prompt} onChange={(event) => setPrompt(event.target.value)} data-testid="read-aloud-prompt" />
        </div>
        <div className="grid-2">
          <div className="field">
            <label className="label" htmlFor="read-aloud-chat">Chat model <span className="hint">{server === 'emulator' ? 'the emulator writes at 30 tokens/s' : 'a proxy alias'}</span></label>
            <input id="read-aloud-chat" value={chatModel} onChange={(event) => setChatModel(event.target.value)} data-testid="read-aloud-chat-model" />
          </div>
          <ModelField label="Speech model" models={models.map((entry) => entry.name)} value={model} onChange={setModel} />
        </div>
        {server === 'proxy' && connection.kind === 'server' && (
          <p className="hint">This server forwards only the audio endpoints to your proxy; connect directly in settings to use its chat models.</p>
        )}
        <div className="actions">
          <button className="button button-primary" type="submit" disabled={!prompt.trim()} data-testid="read-aloud">
            {busy ? <><span className="spinner" aria-hidden="true" />Reading…</> : 'Ask and read aloud'}
          </button>
          {busy && <button className="button" type="button" onClick={stop} data-testid="read-aloud-stop">Stop</button>}
        </div>
      </form>
      <div className="answer" aria-live="polite" data-testid="read-aloud-answer">
        {range ? (
          <>
            {answer.slice(0, range[0])}
            <mark data-testid="read-aloud-sentence">{answer.slice(range[0], range[1])}</mark>
            {answer.slice(range[1])}
          </>
        ) : answer || <span className="muted">The answer appears here as it is written.</span>}
      </div>
      {chatError && <ErrorNotice error={chatError} />}
      {speech.error && <ErrorNotice error={speech.error} />}
      <CodePeek code={`const speech = useSpeech({ model: '${model}', response_format: 'wav', play: 'stream' })\n\nspeech.speakStream(textStream) // a ReadableStream<string> or AsyncIterable<string>\nspeech.segment // the sentence sounding now`} />
    </section>
  )
}
