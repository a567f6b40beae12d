import { createReadStream, openAsBlob } from 'node:fs'
import { basename } from 'node:path'
import OpenAI from 'openai'
import { loadCore, loadNodeHelpers } from '../load.ts'
import { childInput, measured } from './measure.ts'

export type UploadVariant = 'raw fetch' | 'voxfetch' | 'voxfetch + onUploadProgress' | 'openai'

export interface UploadInput {
  variant: UploadVariant
  /** The bench server's `/sink` base URL. */
  baseURL: string
  dist: string
  path: string
}

const input = childInput<UploadInput>()
const model = 'whisper-1'

const expectOk = (text: string) => {
  if (text !== 'ok') throw new Error(`unexpected transcript ${JSON.stringify(text)}`)
}

if (input.variant === 'raw fetch') {
  await measured(async () => {
    // The bytes voxfetch sends (same fields, same order), as one Blob over the file on disk.
    const boundary = '----rawfetchbench0123456789'
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="model"\r\n\r\n${model}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="response_format"\r\n\r\njson\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(input.path)}"\r\n` +
      'Content-Type: audio/mpeg\r\n\r\n'
    const file = await openAsBlob(input.path)
    const body = new Blob([head, file, `\r\n--${boundary}--\r\n`])
    const response = await fetch(`${input.baseURL}/v1/audio/transcriptions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-bench', 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    })
    expectOk(((await response.json()) as { text: string }).text)
    return file.size
  })
} else if (input.variant === 'openai') {
  const client = new OpenAI({ baseURL: `${input.baseURL}/v1`, apiKey: 'sk-bench' })
  await measured(async () => {
    const result = await client.audio.transcriptions.create({ model, file: createReadStream(input.path) })
    expectOk(result.text)
    return (await openAsBlob(input.path)).size
  })
} else {
  const { createClient } = await loadCore(input.dist)
  const { fileFromPath } = await loadNodeHelpers(input.dist)
  const client = createClient({ baseURL: input.baseURL, apiKey: 'sk-bench' })
  let reported = { loaded: 0, total: -1 }
  const onUploadProgress = input.variant === 'voxfetch + onUploadProgress' ? (progress: typeof reported) => (reported = progress) : undefined
  await measured(async () => {
    const file = await fileFromPath(input.path)
    const result = await client.transcription({ model, file, onUploadProgress })
    expectOk(result.text)
    if (onUploadProgress && reported.loaded !== reported.total) throw new Error(`progress ended at ${reported.loaded} of ${reported.total}`)
    return file.size
  })
}
