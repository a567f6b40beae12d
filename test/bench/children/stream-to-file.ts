import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { request } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import { loadCore, loadNodeHelpers } from '../load.ts'
import { childInput, measured } from './measure.ts'

export interface StreamToFileInput {
  variant: 'voxfetch' | 'raw fetch' | 'raw fetch, voxfetch loaded' | 'node:http'
  /** The bench server's `/big` base URL. */
  baseURL: string
  dist: string
  path: string
}

const input = childInput<StreamToFileInput>()
const body = { model: 'tts-1', voice: 'alloy', input: 'A very long story.' }

if (input.variant === 'voxfetch') {
  const { createClient } = await loadCore(input.dist)
  const { streamToFile } = await loadNodeHelpers(input.dist)
  const client = createClient({ baseURL: input.baseURL, apiKey: 'sk-bench' })
  await measured(async () => streamToFile(await client.speech(body), input.path))
} else if (input.variant === 'node:http') {
  // No fetch, no web streams: the floor Node's own network stack sets.
  await measured(async () => {
    const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      request(`${input.baseURL}/v1/audio/speech`, { method: 'POST', headers: { authorization: 'Bearer sk-bench', 'content-type': 'application/json' } }, resolve)
        .on('error', reject)
        .end(JSON.stringify({ ...body, response_format: 'mp3' }))
    })
    let written = 0
    response.on('data', (chunk: Buffer) => (written += chunk.byteLength))
    await pipeline(response, createWriteStream(input.path))
    return written
  })
} else {
  // The same code with voxfetch's modules merely loaded: what a bigger heap alone does to V8's
  // collections during the transfer (see streaming.ts).
  if (input.variant === 'raw fetch, voxfetch loaded') await Promise.all([loadCore(input.dist), loadNodeHelpers(input.dist)])
  await measured(async () => {
    const response = await fetch(`${input.baseURL}/v1/audio/speech`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-bench', 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, response_format: 'mp3' }),
    })
    let written = 0
    const source = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
    source.on('data', (chunk: Uint8Array) => (written += chunk.byteLength))
    await pipeline(source, createWriteStream(input.path))
    return written
  })
}
await rm(input.path, { force: true })
