import type { RequestContext } from '../context.ts'
import type { Persona } from '../types.ts'
import { azureSpeech, azureTranscription } from './azure.ts'
import { geminiGenerate, vertexGeminiGenerate } from './gemini.ts'
import { googleToken } from './google-token.ts'
import { OPENAI_UPLOAD_LIMIT } from './openai-audio.ts'
import { openaiSpeech, openaiTranscription } from './openai.ts'
import { proxyLiveliness, proxyModels, proxySpeech, proxyTranscription } from './proxy.ts'
import { vertexSynthesize } from './vertex-tts.ts'

export interface Route {
  method: 'GET' | 'POST'
  pattern: RegExp
  persona: Persona
  handle(context: RequestContext): Promise<void> | void
  /** Bodies declared larger than this are counted, not parsed (the handler answers 413). */
  uploadLimit?: number
}

const SEGMENT = '([^/]+)'

export const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/(?:v1\/)?audio\/speech$/, persona: 'proxy', handle: proxySpeech },
  { method: 'POST', pattern: /^\/(?:v1\/)?audio\/transcriptions$/, persona: 'proxy', handle: proxyTranscription },
  { method: 'GET', pattern: /^\/(?:v1\/)?models$/, persona: 'proxy', handle: proxyModels },
  { method: 'GET', pattern: /^\/health\/(?:liveliness|readiness)$/, persona: 'proxy', handle: proxyLiveliness },
  { method: 'POST', pattern: /^\/openai\/v1\/audio\/speech$/, persona: 'openai', handle: openaiSpeech },
  { method: 'POST', pattern: /^\/openai\/v1\/audio\/transcriptions$/, persona: 'openai', handle: openaiTranscription, uploadLimit: OPENAI_UPLOAD_LIMIT },
  { method: 'POST', pattern: new RegExp(`^/azure/openai/deployments/${SEGMENT}/audio/speech$`), persona: 'azure', handle: azureSpeech },
  { method: 'POST', pattern: new RegExp(`^/azure/openai/deployments/${SEGMENT}/audio/transcriptions$`), persona: 'azure', handle: azureTranscription, uploadLimit: OPENAI_UPLOAD_LIMIT },
  { method: 'POST', pattern: /^\/gemini\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/, persona: 'gemini', handle: geminiGenerate },
  { method: 'POST', pattern: /^\/vertex-tts\/v1\/text:synthesize$/, persona: 'vertex-tts', handle: vertexSynthesize },
  {
    method: 'POST',
    pattern: new RegExp(`^/vertex/v1/projects/${SEGMENT}/locations/${SEGMENT}/publishers/google/models/([^/:]+):(generateContent|streamGenerateContent)$`),
    persona: 'vertex-gemini',
    handle: vertexGeminiGenerate,
  },
  { method: 'POST', pattern: /^\/google-token\/token$/, persona: 'google-token', handle: googleToken },
]

/** The persona a path belongs to, by prefix (for unknown paths and preflights too). */
export function personaForPath(path: string): Persona {
  if (path.startsWith('/openai/')) return 'openai'
  if (path.startsWith('/azure/')) return 'azure'
  if (path.startsWith('/gemini/')) return 'gemini'
  if (path.startsWith('/vertex-tts/')) return 'vertex-tts'
  if (path.startsWith('/vertex/')) return 'vertex-gemini'
  if (path.startsWith('/google-token/')) return 'google-token'
  return 'proxy'
}

/** The route for a path (any method) and its decoded captures. */
export function matchRoute(path: string): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path)
    if (match) return { route, params: match.slice(1).map((value) => decodeURIComponent(value)) }
  }
  return undefined
}
