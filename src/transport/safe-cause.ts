/**
 * What an error of ours keeps of a platform error under it: the innermost error's name, message
 * and code, nothing else. ofetch's `FetchError` holds the request's options, headers and key
 * included, so it is never handed out as a `cause`.
 */
export function safeCause(error: unknown): Error {
  let current = error
  while (current instanceof Error && current.cause instanceof Error) current = current.cause
  const cause = new Error(current instanceof Error ? current.message : String(current))
  cause.name = current instanceof Error ? current.name : 'Error'
  const code = (current as { code?: unknown } | null)?.code
  if (typeof code === 'string') Object.defineProperty(cause, 'code', { value: code, enumerable: true })
  return cause
}
