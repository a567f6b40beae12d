import { describe, expect, it } from 'vitest'
import { MAX_ERROR_BODY_CHARS, redactBody } from '../../../src/errors/redact.ts'

const KEY = 'sk-test-0123456789abcdefghij'

describe('redactBody', () => {
  it('takes a whole key out wherever it is, and cuts after', () => {
    expect(redactBody(`a ${KEY} b`, [KEY])).toBe('a [redacted] b')
    const long = redactBody(`${KEY}${'x'.repeat(3000)}`, [KEY])
    expect(long.startsWith('[redacted]x')).toBe(true)
    expect(long).toHaveLength(MAX_ERROR_BODY_CHARS + 1)
  })

  it.each([1, 4, 10, KEY.length - 1])('leaves none of a key that a cut at 2,000 characters splits (%i characters before the cut)', (kept) => {
    const body = redactBody(`${'x'.repeat(MAX_ERROR_BODY_CHARS - kept)}${KEY}${'y'.repeat(100)}`, [KEY])
    expect(body).not.toContain(KEY.slice(0, Math.max(4, Math.min(kept, 8))))
    expect(body.length).toBeLessThanOrEqual(MAX_ERROR_BODY_CHARS + '[redacted]…'.length)
  })

  it('blanks a key that an earlier cut split, before its ellipsis, or at the end of a bounded read', () => {
    expect(redactBody(`body ${KEY.slice(0, 20)}…`, [KEY])).toBe('body [redacted]…')
    expect(redactBody(`body ${KEY.slice(0, 20)}`, [KEY])).toBe('body [redacted]')
  })

  it('leaves text alone that only shares a few characters with a key', () => {
    expect(redactBody('ends with sk-', [KEY])).toBe('ends with sk-')
    expect(redactBody('short', [])).toBe('short')
  })
})
