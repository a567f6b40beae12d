import { useMemo, useState } from 'react'
import { VoxfetchProvider } from 'voxfetch/react'
import { createPageClient, loadConnection, saveConnection, type Connection } from './connection.ts'
import type { PlaygroundInfo } from './playground-info.ts'
import { DictationCard } from './dictation-card.tsx'
import { SettingsDialog } from './settings-dialog.tsx'
import { ReadAloudCard } from './read-aloud-card.tsx'
import { SpeechCard } from './speech-card.tsx'
import { TranscriptionCard } from './transcription-card.tsx'
import { usePlaygroundInfo } from './use-playground-info.ts'

export function App() {
  const info = usePlaygroundInfo()
  const [connection, setConnection] = useState(loadConnection)
  const client = useMemo(() => {
    try {
      return createPageClient(connection)
    } catch {
      return createPageClient({ kind: 'server' })
    }
  }, [connection])
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [handoff, setHandoff] = useState<{ file: File; id: number }>()

  return (
    <VoxfetchProvider client={client}>
      <header className="topbar">
        <a className="brand" href="./">
          <Logo />
          <span className="brand-name">voxfetch</span>
          <span className="brand-tag">playground</span>
        </a>
        <button className="connection" type="button" onClick={() => setSettingsOpen(true)} data-testid="connection">
          <span className={connection.kind === 'direct' ? 'dot dot-warn' : 'dot'} aria-hidden="true" />
          <span className="connection-text">{describeConnection(info, connection)}</span>

          <svg className="gear" viewBox="0 0 24 24" aria-hidden="true"><path d="M4 7h10M18 7h2M4 17h2M10 17h10M14 5v4M8 15v4" /></svg>
          <span className="visually-hidden">Connection settings</span>
        </button>
      </header>
      <main className="page">
        <section className="hero">
          <p className="eyebrow">Text-to-speech and speech-to-text for web apps</p>
          <h1>Speech in. Text out.<br />Right in the browser.</h1>
          <p className="lead">
            voxfetch is a small fetch-only client for LiteLLM proxies, OpenAI, Azure, Gemini and Vertex AI, with React hooks.
            This page is built on the <code>useSpeech</code>, <code>useTranscription</code> and <code>useRecorder</code> hooks. Make a clip, then send it back.
          </p>
          <p className="hero-links">
            <a href="./plain.html">The same in plain JavaScript →</a>
          </p>
        </section>
        {info ? (
          <div className="cards">
            <SpeechCard
              models={info.speechModels}
              server={info.upstream.kind}
              onTranscribe={(file) => setHandoff((last) => ({ file, id: (last?.id ?? 0) + 1 }))}
            />
            <TranscriptionCard models={info.transcriptionModels} uploadFormats={info.uploadFormats} handoff={handoff} streaming={info.streamingTranscription} />
            <ReadAloudCard models={info.speechModels} server={info.upstream.kind} connection={connection} />
            <DictationCard models={info.transcriptionModels} />
          </div>
        ) : (
          <div className="cards cards-loading" aria-busy="true" />
        )}
        <ul className="features">
          <li><strong>Sound at the first bytes</strong> Streamed playback starts while the clip is still arriving; switch to "Whole clip" to compare.</li>
          <li><strong>Real upload progress</strong> Browser uploads go through XMLHttpRequest, the one API that reports them.</li>
          <li><strong>Errors before the network</strong> Bad options and oversized files fail with a typed error: try whisper-small (1 MB).</li>
          <li><strong>No leaked blob URLs</strong> Each clip's URL is revoked when it is replaced or the component unmounts.</li>
        </ul>
      </main>
      <footer className="footer">
        <span>voxfetch · MIT</span>
        <span>Keys stay on the server unless you type one into <button className="link-button" type="button" onClick={() => setSettingsOpen(true)}>settings</button>.</span>
      </footer>
      {settingsOpen && (
        <SettingsDialog
          info={info}
          connection={connection}
          onClose={() => setSettingsOpen(false)}
          onApply={(next: Connection) => {
            saveConnection(next)
            setConnection(next)
            setSettingsOpen(false)
          }}
        />
      )}
    </VoxfetchProvider>
  )
}

function describeConnection(info: PlaygroundInfo | undefined, connection: Connection) {
  const [where, detail] = connection.kind === 'direct'
    ? [hostOf(connection.baseURL), 'key in this tab']
    : info?.upstream.kind === 'proxy'
      ? [hostOf(info.upstream.origin), info.upstream.keyAdded ? 'key on the server' : 'no key']
      : ['Embedded emulator', 'no key needed']
  return <>{where}<span className="connection-detail"> · {detail}</span></>
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" />
      <path d="M8 19v-6M12 23V9M16 20v-8M20 25V7M24 18v-4" />
    </svg>
  )
}
