import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { connect } from 'node:net'

/** Sends `head` (CRLF lines, no trailing blank line) and a body over a raw socket; returns status and text. */
export function rawRequest(port: number, head: string, body = '', connection = 'close'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0), text })
    })
    const length = body ? `\r\nContent-Length: ${Buffer.byteLength(body)}` : ''
    // Not `end()`: a half-closed socket makes Node drop the answer to an async handler.
    socket.write(`${head}${length}\r\nConnection: ${connection}\r\n\r\n${body}`)
    socket.setTimeout(connection === 'close' ? 5000 : 1000, () => socket.destroy())
  })
}

/** What one `RecordingServer` received. */
export interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
}

export interface RecordingServer {
  port: number
  url: string
  received: Received[]
  close(): Promise<void>
}

/** A real HTTP server that notes every request and answers `{}`: a witness of what was forwarded. */
export async function startRecordingServer(): Promise<RecordingServer> {
  const received: Received[] = []
  const server: Server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers })
    request.resume()
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"data":[]}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    }),
  }
}
