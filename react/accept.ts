import { type AudioInput, InvalidRequestError } from '../src/index.ts'

/**
 * Refuses a file that matches none of `accept`, before anything is sent. Patterns are those of
 * `<input accept>`: `audio/*`, `audio/wav` (type, parameters ignored) or `.wav` (name).
 */
export function assertAccepted(file: AudioInput, accept: readonly string[] | undefined, filename?: string): void {
  if (!accept || accept.length === 0) return
  // By shape, not instanceof: a File from an iframe or jsdom is a File too.
  const blob = file as Partial<File>
  const type = typeof blob.type === 'string' ? blob.type.split(';')[0]!.trim().toLowerCase() : ''
  const name = (filename ?? (typeof blob.name === 'string' ? blob.name : '')).toLowerCase()
  const matches = (raw: string) => {
    const pattern = raw.trim().toLowerCase()
    if (pattern.startsWith('.')) return name.length > pattern.length && name.endsWith(pattern)
    if (pattern === '*/*' || pattern === '*') return true
    if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1))
    return type !== '' && type === pattern
  }
  if (accept.some(matches)) return
  const got = [type && `type "${type}"`, name && `name "${name}"`].filter(Boolean).join(' and ') || 'no type or name'
  throw new InvalidRequestError('file', `must match ${accept.join(', ')}; got ${got}`)
}
