/**
 * One speech call and one transcription call, written the way each library's documentation
 * shows them, as an app module would. Every case returns the audio as a Blob and the transcript
 * as text, so the bundles do the same work.
 */
export interface SizeCase {
  name: string
  code: string
}

export const VOXFETCH_CALLS: SizeCase = {
  name: 'voxfetch',
  code: `
import { createClient } from 'voxfetch'
const client = createClient({ baseURL: '/api/litellm', apiKey: 'sk-virtual-key' })
export async function speak(text) {
  const audio = await client.speech({ model: 'tts-1', voice: 'alloy', input: text })
  return audio.blob()
}
export async function transcribe(file) {
  const result = await client.transcription({ model: 'whisper-1', file })
  return result.text
}`,
}

export const OPENAI_CALLS: SizeCase = {
  name: 'openai',
  code: `
import OpenAI from 'openai'
const client = new OpenAI({ baseURL: '/api/litellm/v1', apiKey: 'sk-virtual-key', dangerouslyAllowBrowser: true })
export async function speak(text) {
  const response = await client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: text })
  return response.blob()
}
export async function transcribe(file) {
  const result = await client.audio.transcriptions.create({ model: 'whisper-1', file })
  return result.text
}`,
}

export const AI_SDK_CALLS: SizeCase = {
  name: 'ai + @ai-sdk/openai',
  code: `
import { experimental_generateSpeech as generateSpeech, experimental_transcribe as transcribe } from 'ai'
import { createOpenAI } from '@ai-sdk/openai'
const openai = createOpenAI({ baseURL: '/api/litellm/v1', apiKey: 'sk-virtual-key' })
export async function speak(text) {
  const { audio } = await generateSpeech({ model: openai.speech('tts-1'), voice: 'alloy', text })
  return new Blob([audio.uint8Array], { type: audio.mediaType })
}
export async function transcribeFile(file) {
  const result = await transcribe({ model: openai.transcription('whisper-1'), audio: new Uint8Array(await file.arrayBuffer()) })
  return result.text
}`,
}

export const RAW_FETCH_CALLS: SizeCase = {
  name: 'raw fetch',
  code: `
const headers = { authorization: 'Bearer sk-virtual-key' }
export async function speak(text) {
  const response = await fetch('/api/litellm/v1/audio/speech', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'tts-1', voice: 'alloy', input: text }),
  })
  if (!response.ok) throw new Error(await response.text())
  return response.blob()
}
export async function transcribe(file) {
  const form = new FormData()
  form.append('model', 'whisper-1')
  form.append('file', file, file.name || 'audio.webm')
  const response = await fetch('/api/litellm/v1/audio/transcriptions', { method: 'POST', headers, body: form })
  if (!response.ok) throw new Error(await response.text())
  return (await response.json()).text
}`,
}

/** A component with one hook, as the React docs of voxfetch show it (JSX compiled away). */
export const REACT_ONE_HOOK: SizeCase = {
  name: 'voxfetch/react (useSpeech)',
  code: `
import { createElement } from 'react'
import { useSpeech } from 'voxfetch/react'
export function SpeakButton({ text }) {
  const { speak, audioUrl, isPending } = useSpeech({ model: 'tts-1', voice: 'alloy', baseURL: '/api/litellm' })
  return createElement('div', null,
    createElement('button', { disabled: isPending, onClick: () => speak(text) }, 'Speak'),
    audioUrl && createElement('audio', { src: audioUrl, autoPlay: true }))
}`,
}

/** Everything the core entry exports: what the core budget limits. */
export const WHOLE_CORE: SizeCase = { name: 'voxfetch (whole entry)', code: `export * from 'voxfetch'` }

/** Everything both entries export; minus WHOLE_CORE it is what the React entry adds. */
export const WHOLE_CORE_AND_REACT: SizeCase = {
  name: 'voxfetch + voxfetch/react (whole entries)',
  code: `export * from 'voxfetch'\nexport * from 'voxfetch/react'`,
}

/** The core, the player and the recorder together: what the hooks load besides their own code. */
export const WHOLE_CORE_PLAYER_RECORDER: SizeCase = {
  name: 'voxfetch + voxfetch/player + voxfetch/recorder (whole entries)',
  code: `export * from 'voxfetch'\nexport * from 'voxfetch/player'\nexport * from 'voxfetch/recorder'`,
}

/** Everything the player exports, loaded only by whoever plays. */
export const WHOLE_PLAYER: SizeCase = { name: 'voxfetch/player (whole entry)', code: `export * from 'voxfetch/player'` }

/** Everything the recorder exports. */
export const WHOLE_RECORDER: SizeCase = { name: 'voxfetch/recorder (whole entry)', code: `export * from 'voxfetch/recorder'` }

/** The whole core and everything `voxfetch/dictation` exports: minus WHOLE_CORE it is what dictation adds to a page. */
export const WHOLE_DICTATION: SizeCase = { name: 'voxfetch + voxfetch/dictation (whole entries)', code: `export * from 'voxfetch'\nexport * from 'voxfetch/dictation'` }

/** A page that only speaks: it must not pay for the player. */
export const SPEECH_ONLY: SizeCase = {
  name: 'voxfetch speech() only',
  code: `import { speech } from 'voxfetch'\nexport const speak = async (input) => (await speech({ model: 'tts', input })).blob()`,
}

// One capability per page (issue 12): what a page that only speaks, or only transcribes, loads.

export const VOXFETCH_SPEECH_ONLY: SizeCase = {
  name: 'voxfetch',
  code: `
import { createClient } from 'voxfetch'
const client = createClient({ baseURL: '/api/litellm', apiKey: 'sk-virtual-key' })
export async function speak(text) {
  const audio = await client.speech({ model: 'tts', voice: 'alloy', input: text })
  return audio.blob()
}`,
}

export const VOXFETCH_TRANSCRIPTION_ONLY: SizeCase = {
  name: 'voxfetch',
  code: `
import { createClient } from 'voxfetch'
const client = createClient({ baseURL: '/api/litellm', apiKey: 'sk-virtual-key' })
export async function transcribe(file) {
  const result = await client.transcription({ model: 'whisper', file })
  return result.text
}`,
}

export const OPENAI_SPEECH_ONLY: SizeCase = {
  name: 'openai',
  code: `
import OpenAI from 'openai'
const client = new OpenAI({ baseURL: '/api/litellm/v1', apiKey: 'sk-virtual-key', dangerouslyAllowBrowser: true })
export async function speak(text) {
  const response = await client.audio.speech.create({ model: 'tts', voice: 'alloy', input: text })
  return response.blob()
}`,
}

export const OPENAI_TRANSCRIPTION_ONLY: SizeCase = {
  name: 'openai',
  code: `
import OpenAI from 'openai'
const client = new OpenAI({ baseURL: '/api/litellm/v1', apiKey: 'sk-virtual-key', dangerouslyAllowBrowser: true })
export async function transcribe(file) {
  const result = await client.audio.transcriptions.create({ model: 'whisper', file })
  return result.text
}`,
}

export const AI_SDK_SPEECH_ONLY: SizeCase = {
  name: 'ai + @ai-sdk/openai',
  code: `
import { experimental_generateSpeech as generateSpeech } from 'ai'
import { createOpenAI } from '@ai-sdk/openai'
const openai = createOpenAI({ baseURL: '/api/litellm/v1', apiKey: 'sk-virtual-key' })
export async function speak(text) {
  const { audio } = await generateSpeech({ model: openai.speech('tts'), voice: 'alloy', text })
  return new Blob([audio.uint8Array], { type: audio.mediaType })
}`,
}

export const AI_SDK_TRANSCRIPTION_ONLY: SizeCase = {
  name: 'ai + @ai-sdk/openai',
  code: `
import { experimental_transcribe as transcribe } from 'ai'
import { createOpenAI } from '@ai-sdk/openai'
const openai = createOpenAI({ baseURL: '/api/litellm/v1', apiKey: 'sk-virtual-key' })
export async function transcribeFile(file) {
  const result = await transcribe({ model: openai.transcription('whisper'), audio: new Uint8Array(await file.arrayBuffer()) })
  return result.text
}`,
}

// First-result pages (issue 19): what a page downloads before its first result.

/** (c) A component that speaks and plays as the audio streams in, and nothing else. */
export const REACT_STREAMED_SPEECH: SizeCase = {
  name: 'voxfetch/react (useSpeech, play: stream)',
  code: `
import { createElement } from 'react'
import { useSpeech } from 'voxfetch/react'
export function SpeakButton({ text }) {
  const { speak, isPending } = useSpeech({ model: 'tts', voice: 'alloy', baseURL: '/api/litellm', play: 'stream' })
  return createElement('button', { disabled: isPending, onClick: () => speak(text) }, 'Speak')
}`,
}

/** A component that only transcribes: it must not download the player. */
export const REACT_TRANSCRIPTION_ONLY: SizeCase = {
  name: 'voxfetch/react (useTranscription)',
  code: `
import { createElement } from 'react'
import { useTranscription } from 'voxfetch/react'
export function Upload() {
  const { transcribe, text } = useTranscription({ model: 'whisper', baseURL: '/api/litellm' })
  return createElement('input', { type: 'file', title: text, onChange: (event) => transcribe(event.target.files[0]) })
}`,
}
