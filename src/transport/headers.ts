import { InvalidRequestError } from '../errors/classes.ts'

// RFC 9110 §5.6.2 token characters.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// Fetch takes header values as ByteStrings (no code point above U+00FF), without CR, LF or NUL.
const BAD_HEADER_VALUE = /[\r\n\0]|[^\u0000-\u00ff]/

/**
 * Refuses headers fetch would reject (or a server would split) before anything is sent: names
 * must be tokens, values must have no CR, LF, NUL or character above U+00FF. Values are never
 * repeated in the message, since they may be keys.
 */
export function assertHeaders(headers: Record<string, string>, field: string): void {
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name)) {
      throw new InvalidRequestError(field, `${JSON.stringify(name)} is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only)`)
    }
    const value = headers[name]
    if (value !== undefined && BAD_HEADER_VALUE.test(value)) assertHeaderValue(value, `${field}.${name}`)
  }
}

/** A value that goes into a header (a key, a token, an organization id). */
export function assertHeaderValue(value: string | undefined, field: string): void {
  if (value !== undefined && BAD_HEADER_VALUE.test(value)) {
    throw new InvalidRequestError(field, 'must not contain line breaks, NUL or characters outside Latin-1 (it is sent in an HTTP header)')
  }
}
