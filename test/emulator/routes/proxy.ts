import { randomUUID } from 'node:crypto'
import { checkProxyAuth } from '../auth.ts'
import { findModel, isGeminiModel, isRecord, modelId, upstreamModel } from '../config.ts'
import type { RequestContext } from '../context.ts'
import { litellmError } from '../errors.ts'
import { checkGeminiFormat } from '../gemini-format.ts'
import { fileSizeError } from '../faults.ts'
import { replyRejection } from '../reply-rejection.ts'
import { sendJson } from '../respond.ts'
import { speak } from '../speak.ts'
import { transcribe, transcriptDocument, transcriptJson } from '../transcribe.ts'
import type { ModelEntry } from '../types.ts'
import { checkGeminiVoice } from '../validate-gemini.ts'
import { validateSpeech, type SpeechRequest } from '../validate-speech.ts'
import { validateTranscription } from '../validate-transcription.ts'

/** The LiteLLM version the emulated proxy reports. */
export const LITELLM_VERSION = '1.77.0'

/** Headers LiteLLM puts on every proxy answer. */
export function proxyHeaders(): Record<string, string> {
  return { 'x-litellm-call-id': randomUUID(), 'x-litellm-version': LITELLM_VERSION }
}

/** The deployment a proxy request names, or a 400 answered (LiteLLM's message for an unknown alias). */
export function resolveModel(context: RequestContext, name: unknown, route: string): ModelEntry | undefined {
  const entry = findModel(context.state.config, name)
  if (entry) {
    context.headers['x-litellm-model-id'] = modelId(entry)
    context.headers['x-litellm-model-group'] = entry.model_name
    return entry
  }
  const detail = `{'error': '${route}: Invalid model name passed in model=${String(name ?? '')}. Call \`/v1/models\` to view available models for your key.'}`
  sendJson(context, 400, litellmError(400, detail))
  return undefined
}

const costPerCharacter = (model: string) => (model.includes('hd') ? 0.00003 : model.includes('gemini') ? 0.00001 : 0.000015)

/**
 * POST /v1/audio/speech and /audio/speech.
 * BerriAI/litellm litellm/proxy/proxy_server.py (audio_speech): the answer streams in 1024-byte
 * chunks as `StreamingResponse(..., media_type="audio/mpeg")`, the same label whatever the format.
 * The proxy adds no format of its own: litellm/main.py (speech) forwards `response_format` only
 * when the caller sent one, so the model behind the alias decides.
 */
export async function proxySpeech(context: RequestContext): Promise<void> {
  const started = Date.now()
  if (!checkProxyAuth(context)) return
  // LiteLLM reads an unparsable body as {} (and then finds no model).
  const body = isRecord(context.body.json) ? context.body.json : {}
  const entry = resolveModel(context, body.model, '/audio/speech')
  if (!entry) return
  const model = upstreamModel(entry)
  let request: SpeechRequest
  if (isGeminiModel(entry)) {
    const refused = checkGeminiFormat(body.response_format)
    if (refused) return sendJson(context, 400, refused)
    // The bridge passes the voice through and drops speed and instructions.
    // Gemini limits tokens, not characters: no 4096-character rule on this path.
    const result = validateSpeech({ ...body, response_format: undefined, instructions: undefined, speed: undefined, stream_format: undefined, model: undefined }, model, false, Number.POSITIVE_INFINITY)
    if (!result.ok) return replyRejection(context, result.rejection)
    const problem = checkGeminiVoice(result.value.voice)
    if (problem) return replyRejection(context, problem, 'Gemini')
    // BerriAI/litellm litellm/llms/gemini/speech_audio.py (gemini_tts_speech_response): raw PCM for
    // "pcm", else the PCM wrapped as WAV, which is also what no format at all gets.
    request = { ...result.value, speed: 1, format: body.response_format === 'pcm' ? 'pcm' : 'wav' }
  } else {
    // No format: the upstream's own default (openai/openai-openapi CreateSpeechRequest: mp3).
    // BerriAI/litellm litellm/main.py speech(): optional_params take only response_format, speed
    // and instructions; stream_format stays in **kwargs and never reaches the provider, so the
    // proxy answers plain audio bytes whatever stream_format says.
    const result = validateSpeech({ ...body, stream_format: undefined }, model, false)
    if (!result.ok) return replyRejection(context, result.rejection)
    request = result.value
  }
  const cost = request.input.length * costPerCharacter(model)
  await speak(context, request, {
    chunkSize: 1024,
    contentType: 'audio/mpeg',
    headers: () => ({ 'x-litellm-response-cost': String(cost), 'x-litellm-response-duration-ms': String(Date.now() - started) }),
  })
}

/**
 * POST /v1/audio/transcriptions and /audio/transcriptions: always JSON, documents inside `text`.
 * BerriAI/litellm litellm/proxy/proxy_server.py (audio_transcriptions) returns litellm's
 * TranscriptionResponse, which holds a text/srt/vtt answer as its `text`.
 */
export function proxyTranscription(context: RequestContext): void {
  const started = Date.now()
  if (!checkProxyAuth(context)) return
  const entry = resolveModel(context, context.body.fields?.model, '/audio/transcriptions')
  if (!entry) return
  const file = context.body.file
  const maxMb = entry.litellm_params.max_file_size_mb
  // BerriAI/litellm litellm/proxy/common_utils/http_parsing_utils.py (check_file_size_under_limit)
  // raises ProxyException(code=400), but audio_transcriptions (litellm/proxy/proxy_server.py)
  // catches it and raises a new ProxyException with `code=getattr(e, "status_code", 500)`;
  // ProxyException has no status_code, so the answer is 500 with code "500". The emulator plays a
  // licensed proxy: without LITELLM_LICENSE the same check refuses every upload to such a model.
  if (file && maxMb !== undefined && file.size / (1024 * 1024) > maxMb) {
    return sendJson(context, 500, fileSizeError(file.size, maxMb, 500))
  }
  const model = upstreamModel(entry)
  const result = validateTranscription(context.body, model)
  if (!result.ok) return replyRejection(context, result.rejection)
  const request = result.value
  // BerriAI/litellm litellm/main.py atranscription() accepts only a TranscriptionResponse (anything
  // else raises), and the proxy's audio_transcriptions answers it as one JSON document: a `stream`
  // field never yields an event stream here. (transcription() passes unknown fields such as
  // `stream` on to OpenAI inside extra_body, via add_provider_specific_params_to_optional_params in
  // litellm/utils.py; what LiteLLM then makes of an upstream event stream was not determined from
  // the source, so the emulator answers the whole transcript as JSON.)
  const transcript = transcribe(request)
  const headers = {
    'x-litellm-response-cost': String((transcript.duration / 60) * 0.006),
    'x-litellm-response-duration-ms': String(Date.now() - started),
  }
  const format = request.format
  const answer = format === 'text' || format === 'srt' || format === 'vtt'
    ? { text: transcriptDocument(transcript, format) }
    : transcriptJson(transcript, request, model)
  sendJson(context, 200, answer, headers)
}

/** GET /v1/models and /models. */
export function proxyModels(context: RequestContext): void {
  if (!checkProxyAuth(context)) return
  const data = context.state.config.model_list.map((entry) => ({ id: entry.model_name, object: 'model', created: 1677610602, owned_by: 'openai' }))
  sendJson(context, 200, { data, object: 'list' })
}

/** GET /health/liveliness and /health/readiness (no auth). */
export function proxyLiveliness(context: RequestContext): void {
  sendJson(context, 200, context.url.pathname.endsWith('readiness') ? { status: 'healthy', litellm_version: LITELLM_VERSION } : "I'm alive!")
}
