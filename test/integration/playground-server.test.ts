import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { allowedOriginsFrom } from '../../playground/server/allowed-origins.ts'
import { startPlaygroundServer, type PlaygroundServer } from '../../playground/server/server.ts'
import { proxyUpstream } from '../../playground/server/upstreams.ts'
import { rawRequest, startRecordingServer, type RecordingServer } from './raw-http.ts'

// The key the playground server holds for a real proxy; it may reach that proxy and nobody else.
const KEY = 'sk-playground-held-key-Vq47'
const SPEECH_BODY = '{"model":"tts","input":"hi","voice":"alloy"}'

let proxy: RecordingServer
let elsewhere: RecordingServer
let server: PlaygroundServer
let pages: string

beforeAll(async () => {
  proxy = await startRecordingServer()
  elsewhere = await startRecordingServer()
  pages = await mkdtemp(join(tmpdir(), 'voxfetch-pages-'))
  await writeFile(join(pages, 'index.html'), '<!doctype html><title>playground</title>')
  server = await startPlaygroundServer({
    upstream: proxyUpstream(`${proxy.url}/litellm`, KEY),
    pages: { dir: pages },
    info: () => ({ upstream: { kind: 'proxy', origin: proxy.url, keyAdded: true }, speechModels: [], transcriptionModels: [{ name: 'whisper', maxFileSizeMB: 25 }], uploadFormats: [] }),
  })
})
afterAll(async () => {
  await server?.close()
  await Promise.all([proxy?.close(), elsewhere?.close()])
  await rm(pages, { recursive: true, force: true })
})
beforeEach(() => {
  proxy.received.length = 0
  elsewhere.received.length = 0
})

const own = () => `localhost:${server.port}`
const send = (method: string, target: string, headers: string[] = [`Host: ${own()}`], body = '') =>
  rawRequest(server.port, [`${method} ${target} HTTP/1.1`, ...headers].join('\r\n'), body)

async function expectRefusedUnsent(answer: { status: number; text: string }, status?: number): Promise<void> {
  if (status) expect(answer.status).toBe(status)
  else expect(answer.status).toBeGreaterThanOrEqual(400)
  expect(answer.text).not.toContain(KEY)
  // Give a stray forward time to arrive before asserting that none did.
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(proxy.received, 'reached the proxy').toEqual([])
  expect(elsewhere.received, 'reached another server').toEqual([])
}

describe('playground server: what it forwards', () => {
  it('forwards the allow-listed endpoints to the configured base, adding the key there', async () => {
    const speech = await send('POST', '/v1/audio/speech', [`Host: ${own()}`, 'Content-Type: application/json', `Origin: http://${own()}`], SPEECH_BODY)
    const models = await send('GET', '/v1/models?return_wildcard_routes=false', [`Host: 127.0.0.1:${server.port}`, 'Sec-Fetch-Site: same-origin'])
    const unprefixed = await send('GET', '/models', [`Host: [::1]:${server.port}`])
    expect([speech.status, models.status, unprefixed.status]).toEqual([200, 200, 200])
    expect(proxy.received.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /litellm/v1/audio/speech', 'GET /litellm/v1/models?return_wildcard_routes=false', 'GET /litellm/models',
    ])
    expect(proxy.received.map(({ headers }) => headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`, `Bearer ${KEY}`])
    expect(proxy.received[0]?.headers.origin).toBeUndefined()
    for (const answer of [speech, models, unprefixed]) expect(answer.text).not.toContain(KEY)
  })

  it.each([
    ['an absolute-form target naming another host', 'GET', () => `http://127.0.0.1:${elsewhere.port}/v1/models`],
    ['an absolute-form target naming the proxy itself', 'GET', () => `${proxy.url}/v1/models`],
    ['a scheme-relative path', 'GET', () => `//127.0.0.1:${elsewhere.port}/v1/models`],
    ['a scheme-relative POST', 'POST', () => `//127.0.0.1:${elsewhere.port}/v1/audio/speech`],
    ['a dot-dot segment', 'GET', () => '/v1/audio/../models'],
    ['a dot segment', 'POST', () => '/v1/audio/./speech'],
    ['encoded dot segments', 'GET', () => '/v1/%2e%2e/v1/models'],
    ['an encoded slash', 'POST', () => '/v1%2Faudio%2Fspeech'],
    ['an encoded backslash', 'POST', () => '/v1/audio%5Cspeech'],
    ['a backslash', 'POST', () => '/v1/audio\\speech'],
    ['an empty segment', 'POST', () => '/v1//audio/speech'],
    ['an asterisk', 'OPTIONS', () => '*'],
    ['an endpoint not on the list', 'POST', () => '/v1/chat/completions'],
    ['a key-management endpoint', 'POST', () => '/key/generate'],
    ['a listed path with another method', 'GET', () => '/v1/audio/speech'],
    ['the model list written to', 'POST', () => '/v1/models'],
    ['a prefix of a listed path', 'GET', () => '/v1/audio'],
    ['a listed path plus more', 'POST', () => '/v1/audio/speech/extra'],
  ])('refuses %s before a byte goes upstream', async (_name, method, target) => {
    await expectRefusedUnsent(await send(method, target(), [`Host: ${own()}`, 'Content-Type: application/json'], SPEECH_BODY))
  })
})

describe('playground server: who may call it', () => {
  it.each([
    ['another name (DNS rebinding)', 'Host: rebind.attacker.example:PORT'],
    ['another port', 'Host: localhost:1'],
    ['a name ending like localhost', 'Host: localhost.attacker.example:PORT'],
    ['no port', 'Host: localhost'],
    ['no Host at all', ''],
  ])('refuses a request whose Host is %s, on every route', async (_name, host) => {
    const headers = host ? [host.replace('PORT', String(server.port))] : []
    for (const [method, target] of [['POST', '/v1/audio/speech'], ['GET', '/playground.json'], ['GET', '/'], ['GET', '/v1/models']] as const) {
      const answer = await send(method, target, headers, method === 'POST' ? SPEECH_BODY : '')
      await expectRefusedUnsent(answer, host ? 403 : 400)
      expect(answer.text).not.toContain('speechModels')
    }
  })

  it.each([
    ['another site', 'Origin: http://attacker.example'],
    ['the opaque origin of a sandboxed frame or file', 'Origin: null'],
    ['the same host on another port', 'Origin: http://localhost:1'],
    ['another loopback name', 'Origin: http://127.0.0.1:PORT'],
    ['https of the same name', 'Origin: https://localhost:PORT'],
  ])('refuses a request from %s, on every route', async (_name, origin) => {
    const headers = [`Host: ${own()}`, origin.replace('PORT', String(server.port))]
    for (const [method, target] of [['POST', '/v1/audio/speech'], ['GET', '/playground.json'], ['GET', '/']] as const) {
      await expectRefusedUnsent(await send(method, target, headers, method === 'POST' ? SPEECH_BODY : ''), 403)
    }
  })

  it('refuses API calls and /playground.json that another site makes without an Origin (a <script src>)', async () => {
    for (const site of ['cross-site', 'same-site']) {
      for (const target of ['/v1/models', '/playground.json']) {
        await expectRefusedUnsent(await send('GET', target, [`Host: ${own()}`, `Sec-Fetch-Site: ${site}`]), 403)
      }
    }
    // A link from another site may still open the page itself.
    expect((await send('GET', '/', [`Host: ${own()}`, 'Sec-Fetch-Site: cross-site', 'Sec-Fetch-Mode: navigate'])).status).toBe(200)
  })

  it('answers its own page and /playground.json on each loopback name, without the key', async () => {
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, `LOCALHOST:${server.port}`]) {
      const info = await send('GET', '/playground.json', [`Host: ${host}`, `Origin: http://${host.toLowerCase()}`])
      expect(info.status).toBe(200)
      expect(info.text).toContain('"transcriptionModels":[{"name":"whisper"')
      expect(info.text).not.toContain(KEY)
      expect((await send('GET', '/', [`Host: ${host}`])).status).toBe(200)
    }
    expect(proxy.received).toEqual([])
  })
})

describe('playground server: other origins, when allowed', () => {
  let open: PlaygroundServer
  beforeAll(async () => {
    // What `npm start --allow-origin http://localhost:5173` starts with a real key held.
    const allowOrigins = allowedOriginsFrom(['--allow-origin', 'http://localhost:5173'], undefined, true)
    if (typeof allowOrigins === 'string') throw new Error(allowOrigins)
    open = await startPlaygroundServer({
      upstream: proxyUpstream(`${proxy.url}/litellm`, KEY),
      pages: { dir: pages },
      info: () => ({ upstream: { kind: 'proxy', origin: proxy.url, keyAdded: true }, speechModels: [], transcriptionModels: [], uploadFormats: [] }),
      allowOrigins,
    })
  })
  afterAll(() => open?.close())
  const sendOpen = (method: string, target: string, headers: string[], body = '') =>
    rawRequest(open.port, [`${method} ${target} HTTP/1.1`, `Host: localhost:${open.port}`, ...headers].join('\r\n'), body)

  it('answers a named origin with CORS: the preflight, then the forwarded call with its key added', async () => {
    const origin = 'Origin: http://localhost:5173'
    const preflight = await sendOpen('OPTIONS', '/v1/audio/speech', [origin, 'Access-Control-Request-Method: POST', 'Access-Control-Request-Headers: content-type, authorization'])
    expect(preflight.status).toBe(204)
    expect(preflight.text).toMatch(/access-control-allow-origin: http:\/\/localhost:5173\r\n/i)
    expect(preflight.text).toMatch(/access-control-allow-headers: content-type, authorization\r\n/i)
    expect(proxy.received).toEqual([])
    const answer = await sendOpen('POST', '/v1/audio/speech', [origin, 'Sec-Fetch-Site: same-site', 'Content-Type: application/json'], SPEECH_BODY)
    expect(answer.status).toBe(200)
    expect(answer.text).toMatch(/access-control-allow-origin: http:\/\/localhost:5173\r\n/i)
    expect(answer.text).toMatch(/access-control-expose-headers: [^\r]*x-litellm-response-cost/i)
    expect(answer.text).not.toContain(KEY)
    expect(proxy.received).toMatchObject([{ method: 'POST', url: '/litellm/v1/audio/speech', headers: { authorization: `Bearer ${KEY}` } }])
    expect(proxy.received[0]!.headers.origin).toBeUndefined()
  })

  it.each([
    ['an origin not named, although on loopback (a real key is held)', 'http://localhost:3000'],
    ['another site', 'http://attacker.example'],
    ['the named host over https', 'https://localhost:5173'],
    ['an opaque origin', 'null'],
  ])('still refuses %s, and its preflight', async (_name, origin) => {
    const preflight = await sendOpen('OPTIONS', '/v1/audio/speech', [`Origin: ${origin}`, 'Access-Control-Request-Method: POST'])
    expect(preflight.status).toBe(403)
    expect(preflight.text).not.toMatch(/access-control-allow-origin/i)
    await expectRefusedUnsent(await sendOpen('POST', '/v1/audio/speech', [`Origin: ${origin}`, 'Sec-Fetch-Site: cross-site'], SPEECH_BODY), 403)
  })

  it('keeps the Host rules for a named origin (DNS rebinding)', async () => {
    const answer = await rawRequest(open.port, ['POST /v1/audio/speech HTTP/1.1', 'Host: rebind.attacker.example:80', 'Origin: http://localhost:5173'].join('\r\n'), SPEECH_BODY)
    await expectRefusedUnsent(answer, 403)
  })
})

describe('allowedOriginsFrom (npm start)', () => {
  it('allows loopback dev origins on any port only when no real key is held', () => {
    expect(allowedOriginsFrom([], undefined, false)).toEqual({ origins: [], loopback: true })
    expect(allowedOriginsFrom([], undefined, true)).toEqual({ origins: [], loopback: false })
  })

  it('reads --allow-origin (both spellings) and VOXFETCH_ALLOW_ORIGINS, and refuses what is not an origin', () => {
    expect(allowedOriginsFrom(['--allow-origin', 'http://localhost:5173', '--allow-origin=https://app.example'], 'http://127.0.0.1:3000, http://dev.local:8080/', true))
      .toEqual({ origins: ['http://localhost:5173', 'https://app.example', 'http://127.0.0.1:3000', 'http://dev.local:8080'], loopback: false })
    for (const bad of ['*', 'localhost:5173', 'http://localhost:5173/app', 'file:///tmp', 'http://user@host']) {
      expect(allowedOriginsFrom(['--allow-origin', bad], undefined, true)).toMatch(/^not an origin/)
    }
  })
})
