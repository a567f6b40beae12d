import { createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConnectionError, createClient } from '../../src/index.ts'
import { caught } from './setup.ts'

// A TCP server that accepts each connection, reads what comes, and hangs up without a byte of
// answer, either once the request head arrived or at once.
let mode: 'after-head' | 'at-once' = 'after-head'
let connections = 0
const sockets = new Set<Socket>()
const server = createServer((socket) => {
  connections++
  sockets.add(socket)
  socket.on('close', () => sockets.delete(socket))
  socket.on('error', () => {})
  if (mode === 'at-once') return void socket.destroy()
  socket.once('data', () => socket.end())
})
let url = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => server.close(resolve))
})

const file = new File([new Uint8Array(256 * 1024)], 'a.wav', { type: 'audio/wav' })
const client = () => createClient({ baseURL: url, apiKey: 'sk-hang-up-test-key', maxRetries: 1 })

describe('a server that closes the connection without answering', () => {
  it.each(['after-head', 'at-once'] as const)('fails speech promptly as a ConnectionError, after retrying (%s)', async (which) => {
    mode = which
    connections = 0
    const started = Date.now()
    const error = await caught(client().speech({ model: 'tts', input: 'hello', voice: 'alloy' }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toMatch(/closed|reset|socket/i)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(connections).toBe(2)
  })

  it.each(['after-head', 'at-once'] as const)('fails an upload promptly as a ConnectionError (%s)', async (which) => {
    mode = which
    const started = Date.now()
    const error = await caught(client().transcription({ model: 'whisper', file }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
