import { afterEach, describe, expect, it } from 'vitest'
import { emulatorInfo } from '../../playground/server/models.ts'
import { startPlaygroundServer } from '../../playground/server/server.ts'
import { emulatorUpstream } from '../../playground/server/upstreams.ts'
import { trimTable } from '../emulator/bounded.ts'
import { DEFAULT_CONFIG, startEmulator, TEST_KEYS, type Emulator } from '../emulator/index.ts'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function models(base: string, count: number, from = 0): Promise<void> {
  for (let start = 0; start < count; start += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, index) =>
      fetch(`${base}/v1/models?n=${from + start + index}`, { headers: { authorization: `Bearer ${TEST_KEYS.proxy}` } }).then((response) => response.arrayBuffer())))
  }
}

describe('bounded state, so npm start can run for days', () => {
  it('keeps only the newest 1000 requests by default', async () => {
    const emulator = await startEmulator()
    closers.push(() => emulator.close())
    await models(emulator.url, 1100)
    expect(emulator.requests).toHaveLength(1000)
    const numbers = emulator.requests.map((request) => Number(new URL(request.url, emulator.url).searchParams.get('n')))
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(50)
    expect(Math.max(...numbers)).toBe(1099)
  })

  it('keeps requestLogLimit requests behind the playground server, the newest last', async () => {
    const emulator: Emulator = await startEmulator({ config: DEFAULT_CONFIG, requestLogLimit: 5 })
    const server = await startPlaygroundServer({ upstream: emulatorUpstream(emulator), pages: { dir: '/nonexistent' }, info: () => emulatorInfo(DEFAULT_CONFIG) })
    closers.push(() => server.close(), () => emulator.close())
    for (let n = 0; n < 12; n++) await models(server.url, 1, n)
    expect(emulator.requests.map((request) => request.url)).toEqual([7, 8, 9, 10, 11].map((n) => `/v1/models?n=${n}`))
    await emulator.waitForRequests(5)
  })

  it('forgets the oldest keys of a table past its limit', () => {
    const table = new Map(Array.from({ length: 8 }, (_, index) => [`scenario-${index}`, index]))
    trimTable(table, 3)
    expect([...table.keys()]).toEqual(['scenario-5', 'scenario-6', 'scenario-7'])
  })
})
