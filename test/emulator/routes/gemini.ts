import { checkGeminiAuth, checkVertexAuth } from '../auth.ts'
import type { RequestContext } from '../context.ts'
import { answerGeminiSpeech } from '../gemini-answer.ts'
import { replyRejection } from '../reply-rejection.ts'
import { validateGeminiSpeech } from '../validate-gemini.ts'

/** POST /gemini/v1beta/models/{model}:generateContent (x-goog-api-key). */
export async function geminiGenerate(context: RequestContext): Promise<void> {
  if (!checkGeminiAuth(context)) return
  await generate(context, context.params[0] ?? '')
}

/** POST /vertex/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent (Bearer). */
export async function vertexGeminiGenerate(context: RequestContext): Promise<void> {
  if (!checkVertexAuth(context)) return
  await generate(context, context.params[2] ?? '')
}

async function generate(context: RequestContext, model: string): Promise<void> {
  const result = validateGeminiSpeech(context.body.jsonError ? undefined : context.body.json, model)
  if (!result.ok) return replyRejection(context, result.rejection)
  await answerGeminiSpeech(context, result.value, model)
}
