import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPlaygroundServer, type PlaygroundServer } from '../../playground/server/server.ts'
import { proxyUpstream } from '../../playground/server/upstreams.ts'
import { rawRequest, startRecordingServer, type RecordingServer } from './raw-http.ts'

// `npm start` serves the pages through Vite; its hot-reload WebSocket obeys the same Host and
// Origin rules as every other route.
let proxy: RecordingServer
let server: PlaygroundServer
let token: string

beforeAll(async () => {
  proxy = await startRecordingServer()
  server = await startPlaygroundServer({
    upstream: proxyUpstream(proxy.url, 'sk-playground-held-key-Vq47'),
    pages: 'vite',
    info: () => ({ upstream: { kind: 'emulator' }, speechModels: [], transcriptionModels: [], uploadFormats: [] }),
  })
  const client = await rawRequest(server.port, `GET /@vite/client HTTP/1.1\r\nHost: localhost:${server.port}`)
  token = /wsToken = "([^"]+)"/.exec(client.text)?.[1] ?? ''
}, 120_000)
afterAll(async () => {
  await server?.close()
  await proxy?.close()
})

const upgrade = (host: string, origin: string) => rawRequest(server.port, [
  `GET /?token=${token} HTTP/1.1`, `Host: ${host}`, `Origin: ${origin}`, 'Upgrade: websocket',
  'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol: vite-hmr',
].join('\r\n'), '', 'Upgrade')

describe('playground server with Vite (npm start)', () => {
  it('serves the page to its own name only', async () => {
    const own = await rawRequest(server.port, `GET / HTTP/1.1\r\nHost: localhost:${server.port}`)
    expect(own.status).toBe(200)
    expect(own.text).toContain('<div id="root">')
    expect((await rawRequest(server.port, `GET / HTTP/1.1\r\nHost: rebind.attacker.example:${server.port}`)).status).toBe(403)
  })

  it('leaves the plain page\'s browser-build import alone and serves it from dist/browser', async () => {
    const main = await rawRequest(server.port, `GET /plain/main.js HTTP/1.1\r\nHost: localhost:${server.port}`)
    expect(main.status).toBe(200)
    expect(main.text).toMatch(/from ["']\/vendor\/voxfetch\/index\.js["']/)
    const build = await rawRequest(server.port, `GET /vendor/voxfetch/index.js HTTP/1.1\r\nHost: localhost:${server.port}`)
    expect(build.status).toBe(200)
    expect(build.text).toContain('createClient')
    expect(build.text).not.toMatch(/from ["'](?:ofetch|zod|destr|ufo)/)
    const escape = await rawRequest(server.port, `GET /vendor/voxfetch/%2e%2e/%2e%2e/package.json HTTP/1.1\r\nHost: localhost:${server.port}`)
    expect([400, 404]).toContain(escape.status)
  })

  it('opens the hot-reload socket for its own page, and refuses another Host or Origin', async () => {
    expect(token).not.toBe('')
    const own = `localhost:${server.port}`
    // Each answer is read until the server closes; a 101 stays open, so the raw helper times out and returns what came.
    expect((await upgrade(own, `http://${own}`)).status).toBe(101)
    expect((await upgrade(`rebind.attacker.example:${server.port}`, `http://rebind.attacker.example:${server.port}`)).status).toBe(403)
    expect((await upgrade(own, 'http://attacker.example')).status).toBe(403)
  }, 30_000)
})
