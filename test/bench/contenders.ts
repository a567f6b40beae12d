import { createOpenAI } from '@ai-sdk/openai'
import { experimental_generateSpeech as generateSpeech } from 'ai'
import { ofetch } from 'ofetch'
import OpenAI from 'openai'
import type { VoxfetchCore } from './load.ts'

export const SPEECH_REQUEST = { model: 'tts-1', voice: 'alloy', input: 'The quick brown fox jumps over the lazy dog.' } as const
const API_KEY = 'sk-bench'

export function rawFetchSpeech(baseURL: string, redirect?: RequestRedirect): Promise<Response> {
  return fetch(`${baseURL}/v1/audio/speech`, {
    method: 'POST',
    redirect,
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...SPEECH_REQUEST, response_format: 'mp3' }),
  })
}

/**
 * The same small speech request as each library makes it, resolving once the audio is read
 * whole. One client per library and base URL, made once, as an app would.
 */
export function speechCalls(core: VoxfetchCore, baseURL: string) {
  const voxfetch = core.createClient({ baseURL, apiKey: API_KEY })
  const openai = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: API_KEY })
  const aiSdk = createOpenAI({ baseURL: `${baseURL}/v1`, apiKey: API_KEY })
  // ofetch as voxfetch's transport uses it, with nothing of voxfetch around it.
  const ofetchAlone = ofetch.create({ baseURL, headers: { authorization: `Bearer ${API_KEY}` } })
  return {
    'raw fetch': async () => new Uint8Array(await (await rawFetchSpeech(baseURL)).arrayBuffer()),
    // How voxfetch sends through Node's own fetch (see src/transport/redirects.ts): shown so the part of
    // its lead that comes from not having the request copied for a redirect is in plain sight.
    "raw fetch, redirect: 'error'": async () => new Uint8Array(await (await rawFetchSpeech(baseURL, 'error')).arrayBuffer()),
    'ofetch alone': async () =>
      new Uint8Array(await ofetchAlone('/v1/audio/speech', { method: 'POST', body: { ...SPEECH_REQUEST, response_format: 'mp3' }, responseType: 'arrayBuffer' })),
    voxfetch: async () => new Uint8Array(await (await voxfetch.speech(SPEECH_REQUEST)).arrayBuffer()),
    openai: async () => new Uint8Array(await (await openai.audio.speech.create(SPEECH_REQUEST)).arrayBuffer()),
    'ai (generateSpeech)': async () =>
      (await generateSpeech({ model: aiSdk.speech(SPEECH_REQUEST.model), voice: SPEECH_REQUEST.voice, text: SPEECH_REQUEST.input })).audio.uint8Array,
  } satisfies Record<string, () => Promise<Uint8Array>>
}

/** Time until the caller holds the first audio byte, each library called its own way. */
export function firstByteCalls(core: VoxfetchCore, baseURL: string) {
  const voxfetch = core.createClient({ baseURL, apiKey: API_KEY })
  const openai = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: API_KEY })
  const aiSdk = createOpenAI({ baseURL: `${baseURL}/v1`, apiKey: API_KEY })
  return {
    'raw fetch (body reader)': async () => firstChunk((await rawFetchSpeech(baseURL)).body!),
    'voxfetch (body reader)': async () => firstChunk((await voxfetch.speech(SPEECH_REQUEST)).body),
    'openai (response.body reader)': async () => firstChunk((await openai.audio.speech.create(SPEECH_REQUEST)).body!),
    'openai (arrayBuffer, as documented)': async () => (await openai.audio.speech.create(SPEECH_REQUEST)).arrayBuffer(),
    'ai (generateSpeech)': async () =>
      generateSpeech({ model: aiSdk.speech(SPEECH_REQUEST.model), voice: SPEECH_REQUEST.voice, text: SPEECH_REQUEST.input }),
  } satisfies Record<string, () => Promise<unknown>>
}

/** Reads the first chunk, then lets the rest go (the server stops dripping). */
async function firstChunk(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = body.getReader()
  const { value } = await reader.read()
  if (!value?.byteLength) throw new Error('no audio bytes')
  await reader.cancel()
  return value
}
