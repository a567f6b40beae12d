import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createClient, type ClientOptions } from '../../src/index.ts'
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/index.ts'

/** Starts one emulator for the file and resets its log before each test. */
export function useEmulator() {
  const handle = {} as { emulator: Emulator; client(options?: ClientOptions): ReturnType<typeof createClient> }
  beforeAll(async () => {
    handle.emulator = await startEmulator()
  })
  beforeEach(() => handle.emulator.reset())
  afterAll(() => handle.emulator.close())
  handle.client = (options = {}) =>
    createClient({ baseURL: handle.emulator.url, apiKey: TEST_KEYS.proxy, ...options })
  return handle
}

let scenarios = 0

/** Headers that make the emulator misbehave, `times` times for this scenario (always when omitted). */
export function fault(spec: string, times?: number): Record<string, string> {
  return {
    'x-emulator-fault': spec,
    'x-emulator-scenario': `scenario-${process.pid}-${++scenarios}`,
    ...(times !== undefined && { 'x-emulator-fault-times': String(times) }),
  }
}

export async function caught(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: Error) => error,
  )
}
