import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConnectionError } from '../../../src/errors/classes.ts'
import { connectionFailure } from '../../../src/transport/connection-failure.ts'

afterEach(() => vi.unstubAllGlobals())

describe('connectionFailure', () => {
  it('says in a browser that a failed cross-origin fetch is most often CORS, naming both origins only', () => {
    vi.stubGlobal('document', {})
    vi.stubGlobal('location', { origin: 'http://localhost:5173' })
    const error = connectionFailure(new TypeError('Failed to fetch'), 'http://localhost:4000/v1/audio/speech?key=sk-secret')
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toBe(
      "Connection failed: Failed to fetch (in a browser this is most often CORS: http://localhost:4000 did not allow this page's origin http://localhost:5173; or the server is not running)",
    )
  })

  it('says nothing of CORS for the page’s own origin, or outside a browser', () => {
    vi.stubGlobal('document', {})
    vi.stubGlobal('location', { origin: 'http://localhost:4000' })
    expect(connectionFailure(new TypeError('Failed to fetch'), 'http://localhost:4000/v1/audio/speech').message).toBe('Connection failed: Failed to fetch')
    vi.unstubAllGlobals()
    const cause = Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') })
    expect(connectionFailure(cause, 'http://127.0.0.1:9/v1/audio/speech').message).toBe('Connection failed: connect ECONNREFUSED 127.0.0.1:9')
  })
})
