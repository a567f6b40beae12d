import type { RequestContext } from '../context.ts'
import { openaiError } from '../errors.ts'
import { replyRejection } from '../reply-rejection.ts'
import { sendEvents, sendJson, sendText } from '../respond.ts'
import { speak } from '../speak.ts'
import { transcribe, transcriptDocument, transcriptJson } from '../transcribe.ts'
import { validateSpeech } from '../validate-speech.ts'
import { validateTranscription } from '../validate-transcription.ts'
import { reject } from '../validation.ts'

// Request and answer shapes: openai/openai-openapi openapi.yaml (CreateSpeechRequest,
// CreateTranscriptionRequest, AudioResponseFormat, CreateTranscriptionResponse*).

/** OpenAI refuses a whole multipart body above 25 MiB. */
export const OPENAI_UPLOAD_LIMIT = 26_214_400

/** Speech as OpenAI (and Azure OpenAI) answer it, once the serving model is known. */
export async function answerOpenAISpeech(context: RequestContext, model: string): Promise<void> {
  const result = validateSpeech(context.body.json, model, true)
  if (!result.ok) return replyRejection(context, result.rejection)
  await speak(context, result.value, { chunkSize: 4096 })
}

/** Answers 413 when the whole body exceeded OpenAI's limit; true when it did. */
export function refuseOversizedUpload(context: RequestContext): boolean {
  if (context.body.bytes <= OPENAI_UPLOAD_LIMIT) return false
  const message = `413: Maximum content size limit (${OPENAI_UPLOAD_LIMIT}) exceeded (${context.body.bytes} bytes read)`
  sendJson(context, 413, openaiError(message, null, null, 'server_error'))
  return true
}

/** Transcription as OpenAI (and Azure OpenAI) answer it: text formats as text/plain. */
export function answerOpenAITranscription(context: RequestContext, model: string): Promise<void> | void {
  if (refuseOversizedUpload(context)) return
  const result = validateTranscription(context.body, model)
  if (!result.ok) return replyRejection(context, result.rejection)
  const request = result.value
  const transcript = transcribe(request)
  // openai/openai-openapi CreateTranscriptionRequest.chunking_strategy: the diarizing model
  // needs it once the input is over 30 seconds long.
  if (model.startsWith('gpt-4o-transcribe-diarize') && transcript.duration > 30 && !request.chunking) {
    return replyRejection(context, reject('chunking_strategy is required for inputs longer than 30 seconds with this model.', 'chunking_strategy', 'missing_required_parameter').rejection)
  }
  if (request.stream) {
    const words = transcript.text.split(/(?<=\s)/)
    const usage = transcriptJson(transcript, request, model).usage
    return sendEvents(context, [
      ...words.map((delta) => ({ type: 'transcript.text.delta', delta })),
      { type: 'transcript.text.done', text: transcript.text, usage },
    ])
  }
  if (request.format === 'text' || request.format === 'srt' || request.format === 'vtt') {
    return sendText(context, 200, transcriptDocument(transcript, request.format), 'text/plain; charset=utf-8')
  }
  sendJson(context, 200, transcriptJson(transcript, request, model))
}
