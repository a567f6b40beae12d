import { useEffect, useRef, useState } from 'react'
import { createPageClient, type Connection } from './connection.ts'
import type { PlaygroundInfo } from './playground-info.ts'

interface SettingsDialogProps {
  info: PlaygroundInfo | undefined
  connection: Connection
  onClose(): void
  onApply(connection: Connection): void
}

/** Where calls go (open while mounted). Typing a key into the page is an explicit, clearly labelled opt-in. */
export function SettingsDialog({ info, connection, onClose, onApply }: SettingsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [kind, setKind] = useState(connection.kind)
  const [baseURL, setBaseURL] = useState(connection.kind === 'direct' ? connection.baseURL : '')
  const [apiKey, setApiKey] = useState(connection.kind === 'direct' ? connection.apiKey : '')
  const [problem, setProblem] = useState<string>()

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])

  const apply = () => {
    const next: Connection = kind === 'direct' ? { kind, baseURL: baseURL.trim(), apiKey: apiKey.trim() } : { kind: 'server' }
    try {
      createPageClient(next)
    } catch (error) {
      return setProblem((error as Error).message)
    }
    setProblem(undefined)
    onApply(next)
  }

  const upstream = info?.upstream
  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="settings-title">
      <form
        method="dialog"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          apply()
        }}
      >
        <h2 id="settings-title">Where calls go</h2>
        <label className={kind === 'server' ? 'choice is-chosen' : 'choice'}>
          <input type="radio" name="connection" checked={kind === 'server'} onChange={() => setKind('server')} />
          <span>
            <strong>Through this playground's server</strong> <span className="badge badge-ok">recommended</span>
            <span className="choice-text">
              {upstream?.kind === 'proxy'
                ? `It forwards /v1/audio/* to ${upstream.origin}${upstream.keyAdded ? ' and adds the key from VOXFETCH_API_KEY there: the key never reaches this page.' : ' (no VOXFETCH_API_KEY is set).'}`
                : 'It runs the embedded LiteLLM emulator, with real eSpeak voices. No key needed. For a real proxy, restart with VOXFETCH_BASE_URL and VOXFETCH_API_KEY set.'}
            </span>
          </span>
        </label>
        <label className={kind === 'direct' ? 'choice is-chosen' : 'choice'}>
          <input type="radio" name="connection" checked={kind === 'direct'} onChange={() => setKind('direct')} data-testid="direct-choice" />
          <span>
            <strong>Straight from this page, with a key typed here</strong>
            <span className="choice-text">
              The proxy must allow this page's origin (CORS).
            </span>
          </span>
        </label>
        {kind === 'direct' && (
          <div className="stack direct-fields">
            <div className="notice notice-warn">
              <strong>Your key will be in this page.</strong> It is kept in this tab's sessionStorage (gone when the tab closes) and
              sent from the browser to the URL below; any script on the page can read it. Use a short-lived or virtual key.
            </div>
            <div className="field">
              <label className="label" htmlFor="settings-base-url">LiteLLM proxy URL</label>
              <input id="settings-base-url" type="url" required placeholder="https://litellm.example.com" value={baseURL} onChange={(event) => setBaseURL(event.target.value)} />
            </div>
            <div className="field">
              <label className="label" htmlFor="settings-api-key">Virtual key <span className="hint">optional</span></label>
              <input id="settings-api-key" type="password" autoComplete="off" placeholder="sk-…" value={apiKey} onChange={(event) => setApiKey(event.target.value)} />
            </div>
          </div>
        )}
        {problem && <p className="hint hint-error" role="alert">{problem}</p>}
        <div className="actions actions-end">
          <button className="button" type="button" onClick={onClose}>Cancel</button>
          <button className="button button-primary" type="submit">Save</button>
        </div>
      </form>
    </dialog>
  )
}
