import type { RequestContext } from '../context.ts'
import type { Persona } from '../types.ts'
import { azureSpeech, azureTranscription } from './azure.ts'
import { proxyChat } from './chat.ts'
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

/*
 * The paths each persona answers, after its prefix (`/openai`, `/azure`, …), as its source declares them:
 * - proxy: BerriAI/litellm litellm/proxy/proxy_server.py route decorators (`/v1/audio/speech` and
 *   `/audio/speech`, `/v1/audio/transcriptions` and `/audio/transcriptions`, `/v1/models` and `/models`,
 *   `/v1/chat/completions` and `/chat/completions`),
 *   litellm/proxy/health_endpoints/_health_endpoints.py (`/health/liveliness`, `/health/readiness`);
 * - openai: openai/openai-openapi openapi.yaml paths `/audio/speech`, `/audio/transcriptions` (server `/v1`);
 * - azure: Azure/azure-rest-api-specs specification/cognitiveservices/data-plane/AzureOpenAI/inference
 *   (`/deployments/{deployment-id}/audio/speech` and `…/audio/transcriptions`, server `{endpoint}/openai`);
 * - gemini: googleapis/googleapis google/ai/generativelanguage/v1beta/generative_service.proto
 *   (`post: "/v1beta/{model=models/*}:generateContent"` and `:streamGenerateContent`);
 * - vertex-tts: googleapis/googleapis google/cloud/texttospeech/v1/cloud_tts.proto (`post: "/v1/text:synthesize"`);
 * - vertex-gemini: googleapis/googleapis google/cloud/aiplatform/v1/prediction_service.proto
 *   (`post: "/v1/{model=projects/*\/locations/*\/publishers/*\/models/*}:generateContent"` and `:streamGenerateContent`);
 * - google-token: the service account's `token_uri` (see google-token.ts).
 */
export const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/(?:v1\/)?audio\/speech$/, persona: 'proxy', handle: proxySpeech },
  { method: 'POST', pattern: /^\/(?:v1\/)?audio\/transcriptions$/, persona: 'proxy', handle: proxyTranscription },
  { method: 'GET', pattern: /^\/(?:v1\/)?models$/, persona: 'proxy', handle: proxyModels },
  { method: 'POST', pattern: /^\/(?:v1\/)?chat\/completions$/, persona: 'proxy', handle: proxyChat },
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
