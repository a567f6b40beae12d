import { describe, expect, it } from 'vitest'
import { parseRetryAfter, retryDelay } from '../../../src/transport/retry-delay.ts'
import { isRetryableStatus, serverRetryVerdict, shouldRetry } from '../../../src/errors/retryable.ts'
import { APIError } from '../../../src/errors/classes.ts'

const now = Date.parse('2026-01-01T00:00:00Z')

describe('parseRetryAfter', () => {
  it('prefers retry-after-ms, then seconds, then an HTTP date', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '150', 'retry-after': '9' }), now)).toBe(150)
    expect(parseRetryAfter(new Headers({ 'retry-after': '2' }), now)).toBe(2000)
    expect(parseRetryAfter(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500)
    expect(parseRetryAfter(new Headers({ 'retry-after': new Date(now + 3000).toUTCString() }), now)).toBe(3000)
  })
  it('ignores absent, garbage and over-long values', () => {
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined()
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined()
    expect(parseRetryAfter(new Headers({ 'retry-after': '3600' }), now)).toBeUndefined()
  })
  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': new Date(now - 5000).toUTCString() }), now)).toBe(0)
  })
})

describe('retryDelay', () => {
  it('backs off 0.5 s × 2^n up to 8 s, minus at most 25 % jitter', () => {
    expect(retryDelay(0, undefined, now, 0)).toBe(500)
    expect(retryDelay(1, undefined, now, 0)).toBe(1000)
    expect(retryDelay(5, undefined, now, 0)).toBe(8000)
    expect(retryDelay(10, undefined, now, 0)).toBe(8000)
    expect(retryDelay(0, undefined, now, 1)).toBe(375)
  })
  it('follows the server when it says how long to wait', () => {
    expect(retryDelay(3, new Headers({ 'retry-after-ms': '20' }), now, 0.5)).toBe(20)
  })
})

describe('isRetryableStatus', () => {
  it('retries 408, 409, 429 and 5xx only', () => {
    expect([408, 409, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true)
    expect([400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false)
  })
})

// openai/openai-node src/client.ts (shouldRetry): the `x-should-retry` header is obeyed before any status rule.
describe('x-should-retry', () => {
  it('reads only the exact values true and false', () => {
    expect(serverRetryVerdict(new Headers({ 'x-should-retry': 'true' }))).toBe(true)
    expect(serverRetryVerdict(new Headers({ 'x-should-retry': 'false' }))).toBe(false)
    expect(serverRetryVerdict(new Headers({ 'x-should-retry': 'TRUE' }))).toBeUndefined()
    expect(serverRetryVerdict(new Headers({ 'x-should-retry': 'yes' }))).toBeUndefined()
    expect(serverRetryVerdict(new Headers())).toBeUndefined()
    expect(serverRetryVerdict(undefined)).toBeUndefined()
  })
  it('comes before the status: false stops a 503, true retries a 400', () => {
    expect(shouldRetry(503, new Headers({ 'x-should-retry': 'false' }))).toBe(false)
    expect(shouldRetry(429, new Headers({ 'x-should-retry': 'false' }))).toBe(false)
    expect(shouldRetry(400, new Headers({ 'x-should-retry': 'true' }))).toBe(true)
    expect(shouldRetry(503, new Headers())).toBe(true)
    expect(shouldRetry(400)).toBe(false)
  })
  it('decides APIError.retryable', () => {
    const error = (status: number, header?: string) =>
      new APIError({ status, provider: 'openai', message: 'x', headers: new Headers(header ? { 'x-should-retry': header } : {}) })
    expect(error(500, 'false').retryable).toBe(false)
    expect(error(404, 'true').retryable).toBe(true)
    expect(error(500).retryable).toBe(true)
  })
})
