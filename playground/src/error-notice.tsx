import { isPythonNone, readableProxyMessage } from './proxy-message.ts'

/** A typed voxfetch error in plain words: its class, its message and the data it carries. */
export function ErrorNotice({ error }: { error: Error }) {
  const fields = error as Error & Record<string, unknown>
  const details = (['status', 'provider', 'field', 'fileSizeMB', 'maxFileSizeMB', 'type', 'code', 'param', 'timeout', 'requestId', 'retryable'] as const)
    .map((name) => [name, fields[name]] as const)
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && !isPythonNone(value))
  const readable = readableProxyMessage(error.message)
  return (
    <div className="notice notice-error" role="alert" data-testid="error">
      <div className="notice-title">
        <span className="badge badge-error">{error.name}</span>
      </div>
      {readable ? (
        <>
          <p className="notice-message" data-testid="error-message">{readable}</p>
          <details className="notice-raw">
            <summary>As the proxy sent it</summary>
            <code data-testid="error-raw">{error.message}</code>
          </details>
        </>
      ) : (
        <p className="notice-message" data-testid="error-message">{error.message}</p>
      )}
      {details.length > 0 && (
        <dl className="facts">
          {details.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}
