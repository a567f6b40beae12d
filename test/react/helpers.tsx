import { type ReactNode, StrictMode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { type ClientOptions, createClient } from '../../src/index.ts'
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/index.ts'
import { VoxfetchProvider } from '../../react/index.ts'

/** One emulator per test file, its request log cleared before each test. */
export function useEmulator() {
  const handle = {} as {
    emulator: Emulator
    client(options?: ClientOptions): ReturnType<typeof createClient>
    /** A wrapper rendering children under a provider with `client()` (and StrictMode if asked). */
    wrapper(options?: ClientOptions & { strict?: boolean }): (props: { children: ReactNode }) => ReactNode
  }
  beforeAll(async () => {
    handle.emulator = await startEmulator()
  })
  beforeEach(() => handle.emulator.reset())
  afterAll(() => handle.emulator.close())
  handle.client = (options = {}) => createClient({ baseURL: handle.emulator.url, apiKey: TEST_KEYS.proxy, ...options })
  handle.wrapper = ({ strict, ...options } = {}) => {
    const client = handle.client(options)
    return ({ children }) => {
      const tree = <VoxfetchProvider client={client}>{children}</VoxfetchProvider>
      return strict ? <StrictMode>{tree}</StrictMode> : tree
    }
  }
  return handle
}

let scenarios = 0

/** Headers that make the emulator misbehave for this request (e.g. `slow-headers:800`). */
export function fault(spec: string): Record<string, string> {
  return { 'x-emulator-fault': spec, 'x-emulator-scenario': `react-${process.pid}-${++scenarios}` }
}

/**
 * Counts blob URLs by wrapping the platform's URL.createObjectURL / revokeObjectURL (real URLs
 * are still made and revoked). Restored after each test.
 */
export function countObjectURLs() {
  const created: string[] = []
  const revoked: string[] = []
  const create = URL.createObjectURL.bind(URL)
  const revoke = URL.revokeObjectURL.bind(URL)
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    const url = create(object)
    created.push(url)
    return url
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url)
    revoke(url)
  })
  return {
    created,
    revoked,
    /** URLs created and not revoked yet. */
    live: () => created.filter((url) => !revoked.includes(url)),
  }
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** A real spoken WAV from the emulator (eSpeak), as a File the way an `<input type=file>` gives it. */
export async function spokenWav(client: ReturnType<typeof createClient>, text: string, name = 'speech.wav'): Promise<File> {
  const audio = await client.speech({ model: 'tts', input: text, voice: 'alloy', response_format: 'wav' })
  return new File([await audio.blob()], name, { type: 'audio/wav' })
}

/** Settles a promise into its error (or fails when it resolves). */
export async function caught(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: Error) => error,
  )
}
