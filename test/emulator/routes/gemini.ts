import { checkGeminiAuth, checkVertexAuth } from '../auth.ts'
import type { RequestContext } from '../context.ts'
import { answerGeminiSpeech, answerGeminiSpeechStream } from '../gemini-answer.ts'
import { replyRejection } from '../reply-rejection.ts'
import { validateGeminiSpeech } from '../validate-gemini.ts'

// Routes of googleapis/googleapis google/ai/generativelanguage/v1beta/generative_service.proto and
// google/cloud/aiplatform/v1/prediction_service.proto: GenerateContent and StreamGenerateContent.

/** POST /gemini/v1beta/models/{model}:generateContent or :streamGenerateContent (x-goog-api-key). */
export async function geminiGenerate(context: RequestContext): Promise<void> {
  if (!checkGeminiAuth(context)) return
  await generate(context, context.params[0] ?? '', context.params[1] === 'streamGenerateContent')
}

/** POST /vertex/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent or :streamGenerateContent (Bearer). */
export async function vertexGeminiGenerate(context: RequestContext): Promise<void> {
  if (!checkVertexAuth(context)) return
  await generate(context, context.params[2] ?? '', context.params[3] === 'streamGenerateContent')
}

async function generate(context: RequestContext, model: string, stream: boolean): Promise<void> {
  const result = validateGeminiSpeech(context.body.jsonError ? undefined : context.body.json, model)
  if (!result.ok) return replyRejection(context, result.rejection)
  await (stream ? answerGeminiSpeechStream : answerGeminiSpeech)(context, result.value, model)
}
