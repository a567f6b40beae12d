import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { RequestContext } from './context.ts'
import { trimLog } from './bounded.ts'
import { answerPreflight, applyCors } from './cors.ts'
import { sendStatusError } from './errors.ts'
import { applyEarlyFault, decideFault } from './faults.ts'
import { readBody } from './read-body.ts'
import { sendJson } from './respond.ts'
import { proxyHeaders } from './routes/proxy.ts'
import { matchRoute, personaForPath } from './routes/table.ts'
import { createState, linkState, type EmulatorState } from './state.ts'
import type { Emulator, EmulatorOptions, Persona, RecordedRequest } from './types.ts'

/** Starts the emulator on 127.0.0.1 (a random port unless `port` is given). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = createState(options)
  const sockets = new Set<Socket>()
  const server = createServer((request, response) => {
    handle(state, request, response).catch(() => response.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  state.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  const emulator: Emulator = {
    url: state.url,
    port,
    requests: state.requests,
    reset() {
      state.requests.length = 0
      state.faultCounters.clear()
      state.revokedTokens.clear()
      state.changed()
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
      })
    },
    waitForRequests: (n, timeoutMs = 5000) => waitFor(state, timeoutMs, `${n} requests`, () => state.requests.length >= n),
    waitForSettled: (n, timeoutMs = 5000) =>
      waitFor(state, timeoutMs, `${n} settled requests`, () => state.requests.length >= n && state.requests.slice(0, n).every((record) => state.settled.has(record))),
  }
  linkState(emulator, state)
  return emulator
}

function waitFor(state: EmulatorState, timeoutMs: number, what: string, done: () => boolean): Promise<void> {
  if (done()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const listener = () => {
      if (!done()) return
      finish()
      resolve()
    }
    const timer = setTimeout(() => {
      finish()
      reject(new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${what} (have ${state.requests.length})`))
    }, timeoutMs)
    const finish = () => {
      clearTimeout(timer)
      state.listeners.delete(listener)
    }
    state.listeners.add(listener)
  })
}

const PERSONA_HEADERS: Partial<Record<Persona, () => Record<string, string>>> = {
  proxy: proxyHeaders,
  openai: () => ({ 'x-request-id': `req_${randomUUID().replace(/-/g, '')}`, 'openai-processing-ms': '1' }),
  azure: () => ({ 'x-request-id': randomUUID(), 'apim-request-id': randomUUID() }),
}

async function handle(state: EmulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://emulator.invalid')
  const matched = matchRoute(url.pathname)
  const persona = matched?.route.persona ?? personaForPath(url.pathname)
  const record: RecordedRequest = {
    persona, method: request.method ?? 'GET', path: url.pathname, url: url.pathname + url.search,
    headers: flattenHeaders(request), bodyBytes: 0, completed: false,
  }
  state.requests.push(record)
  trimLog(state.requests, state.requestLogLimit)
  trackAnswer(state, record, response)
  state.changed()
  applyCors(request, response)
  const context: RequestContext = {
    request, response, record, state, persona, url, params: matched?.params ?? [],
    body: { overflow: false, multipart: false, bytes: 0, aborted: false },
    headers: PERSONA_HEADERS[persona]?.() ?? {},
  }
  // OpenAI's servers can say whether to retry; openai/openai-node src/client.ts (shouldRetry)
  // obeys `x-should-retry` before its status rules. The switch adds that header to the answer.
  const shouldRetry = request.headers['x-emulator-should-retry']
  if (shouldRetry === 'true' || shouldRetry === 'false') context.headers['x-should-retry'] = shouldRetry
  const rate = Number(request.headers['x-emulator-upload-rate'])
  const declared = Number(request.headers['content-length'])
  const limit = matched?.route.uploadLimit
  context.body = await readBody(request, record, {
    ...(rate > 0 ? { bytesPerSecond: rate } : {}),
    discard: request.method === 'OPTIONS' || (limit !== undefined && declared > limit),
  })
  if (context.body.aborted) {
    response.destroy()
    return
  }
  if (request.method === 'OPTIONS') return answerPreflight(request, response)
  // FastAPI (the proxy) answers unknown paths and methods with {"detail": …}.
  if (!matched && persona === 'proxy') return sendJson(context, 404, { detail: 'Not Found' })
  if (!matched) return sendStatusError(context, 404, `Invalid URL (${request.method} ${url.pathname}): no emulated endpoint here`)
  if (matched.route.method !== request.method) {
    if (persona === 'proxy') return sendJson(context, 405, { detail: 'Method Not Allowed' })
    return sendStatusError(context, 405, `Method Not Allowed: use ${matched.route.method} ${url.pathname}`)
  }
  const fault = decideFault(context)
  if (fault === 'invalid') {
    return sendStatusError(context, 400, `Unknown x-emulator-fault spec '${String(request.headers['x-emulator-fault'] ?? '')}' (voxfetch emulator)`)
  }
  if (fault) context.fault = fault
  try {
    if (await applyEarlyFault(context)) return
    await matched.route.handle(context)
  } catch (error) {
    if (response.headersSent) response.destroy()
    else sendStatusError(context, 500, `voxfetch emulator failed: ${(error as Error).message}`)
  }
}

/** Records the status when the head is written, and marks the request settled then or on close. */
function trackAnswer(state: EmulatorState, record: RecordedRequest, response: ServerResponse): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    record.status = statusCode
    state.settled.add(record)
    const result = writeHead(statusCode, ...rest)
    state.changed()
    return result
  }) as ServerResponse['writeHead']
  response.on('close', () => {
    state.settled.add(record)
    state.changed()
  })
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}
