import { checkGeminiAuth, checkVertexAuth } from '../auth.ts'
import type { RequestContext } from '../context.ts'
import { answerGeminiSpeech, answerGeminiSpeechStream } from '../gemini-answer.ts'
import { replyRejection } from '../reply-rejection.ts'
import { type GeminiApi, validateGeminiSpeech } from '../validate-gemini.ts'

/**
 * POST /gemini/v1beta/models/{model}:generateContent or :streamGenerateContent (x-goog-api-key):
 * googleapis/googleapis google/ai/generativelanguage/v1beta/generative_service.proto,
 * `post: "/v1beta/{model=models/*}:generateContent"` and `…:streamGenerateContent`.
 */
export async function geminiGenerate(context: RequestContext): Promise<void> {
  if (!checkGeminiAuth(context)) return
  await generate(context, context.params[0] ?? '', 'gemini', context.params[1] === 'streamGenerateContent')
}

/**
 * POST /vertex/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent
 * or :streamGenerateContent (Bearer): googleapis/googleapis google/cloud/aiplatform/v1/prediction_service.proto,
 * `post: "/v1/{model=projects/*\/locations/*\/publishers/*\/models/*}:generateContent"` and `…:streamGenerateContent`.
 */
export async function vertexGeminiGenerate(context: RequestContext): Promise<void> {
  if (!checkVertexAuth(context)) return
  await generate(context, context.params[2] ?? '', 'vertex', context.params[3] === 'streamGenerateContent')
}

async function generate(context: RequestContext, model: string, api: GeminiApi, stream: boolean): Promise<void> {
  const result = validateGeminiSpeech(context.body.jsonError ? undefined : context.body.json, model, api)
  if (!result.ok) return replyRejection(context, result.rejection)
  await (stream ? answerGeminiSpeechStream : answerGeminiSpeech)(context, result.value, model)
}
