import { checkOpenAIAuth } from '../auth.ts'
import { isRecord } from '../config.ts'
import type { RequestContext } from '../context.ts'
import { openaiError } from '../errors.ts'
import { replyRejection } from '../reply-rejection.ts'
import { sendJson } from '../respond.ts'
import { OPENAI_SPEECH_MODELS, OPENAI_TRANSCRIPTION_MODELS, reject, unknownModel } from '../validation.ts'
import { answerOpenAISpeech, answerOpenAITranscription, refuseOversizedUpload } from './openai-audio.ts'

// The OpenAI persona: paths, fields and models from openai/openai-openapi openapi.yaml
// (/audio/speech, /audio/transcriptions); the checks themselves live in openai-audio.ts.

/** POST /openai/v1/audio/speech */
export async function openaiSpeech(context: RequestContext): Promise<void> {
  if (!checkOpenAIAuth(context)) return
  const { json, jsonError } = context.body
  if (jsonError || !isRecord(json)) {
    return sendJson(context, 400, openaiError('We could not parse the JSON body of your request. The OpenAI API expects a JSON payload (Content-Type: application/json).'))
  }
  if (json.model === undefined) return replyRejection(context, reject('you must provide a model parameter').rejection)
  if (typeof json.model !== 'string' || !OPENAI_SPEECH_MODELS.test(json.model)) return replyRejection(context, unknownModel(String(json.model)).rejection)
  await answerOpenAISpeech(context, json.model)
}

/** POST /openai/v1/audio/transcriptions */
export async function openaiTranscription(context: RequestContext): Promise<void> {
  if (!checkOpenAIAuth(context)) return
  if (refuseOversizedUpload(context)) return
  const model = context.body.fields?.model
  if (context.body.multipart) {
    if (model === undefined) return replyRejection(context, reject('you must provide a model parameter').rejection)
    if (typeof model !== 'string' || !OPENAI_TRANSCRIPTION_MODELS.test(model)) return replyRejection(context, unknownModel(String(model)).rejection)
  }
  await answerOpenAITranscription(context, typeof model === 'string' ? model : 'whisper-1')
}
