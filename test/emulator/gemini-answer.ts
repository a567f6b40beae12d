import { randomBytes } from 'node:crypto'
import type { RequestContext } from './context.ts'
import { synthesizeSpeech } from './encode-audio.ts'
import { sendEvents, sendJson } from './respond.ts'
import type { GeminiSpeechRequest } from './validate-gemini.ts'

// Shape: googleapis/googleapis google/ai/generativelanguage/v1beta/generative_service.proto
// (GenerateContentResponse: candidates, usage_metadata, model_version, response_id; Candidate:
// content, finish_reason, index; UsageMetadata: prompt/candidates/total token counts and per-modality
// details) and content.proto (Part.inline_data = Blob { mime_type, data }: `bytes`, so base64 in JSON).
// The mime type `audio/L16;codec=pcm;rate=24000` is what the TTS models answer as observed; Blob's
// comment says only "The IANA standard MIME type of the source data", no repository pins it.
const PCM_TYPE = 'audio/L16;codec=pcm;rate=24000'
/** Bytes of PCM per streamed chunk (~170 ms): the emulator's choice, not a documented size. */
const STREAM_CHUNK_BYTES = 8192

/** A generateContent answer carrying base64 24 kHz s16le PCM of the spoken text. */
export async function answerGeminiSpeech(context: RequestContext, request: GeminiSpeechRequest, model: string): Promise<void> {
  const audio = await synthesizeSpeech(request.text, 'pcm', { voice: request.voice })
  sendJson(context, 200, chunk(audio.bytes, 'STOP', usage(request, audio.duration), model, randomBytes(12).toString('base64url')))
}

/**
 * StreamGenerateContent (`:streamGenerateContent`, the same proto): the audio in a series of
 * GenerateContentResponse chunks, the last with finishReason and usageMetadata. With `alt=sse`
 * each chunk is a server-sent event framed `data: {json}\r\n\r\n` (the framing Google's JS SDKs
 * parse: google-gemini/generative-ai-js src/requests/stream-reader.ts, googleapis/js-genai
 * responseLineRE `^data: (.*)(?:\n\n|\r\r|\r\n\r\n)`); without it, one JSON array of the chunks.
 */
export async function answerGeminiSpeechStream(context: RequestContext, request: GeminiSpeechRequest, model: string): Promise<void> {
  const audio = await synthesizeSpeech(request.text, 'pcm', { voice: request.voice })
  const responseId = randomBytes(12).toString('base64url')
  const chunks: unknown[] = []
  for (let start = 0; start < audio.bytes.length; start += STREAM_CHUNK_BYTES) {
    const last = start + STREAM_CHUNK_BYTES >= audio.bytes.length
    const pcm = audio.bytes.subarray(start, start + STREAM_CHUNK_BYTES)
    chunks.push(chunk(pcm, last ? 'STOP' : undefined, last ? usage(request, audio.duration) : undefined, model, responseId))
  }
  if (context.url.searchParams.get('alt') === 'sse') return sendEvents(context, chunks, { separator: '\r\n\r\n' })
  sendJson(context, 200, chunks)
}

function chunk(pcm: Uint8Array, finishReason: string | undefined, usageMetadata: unknown, model: string, responseId: string) {
  return {
    candidates: [{
      content: { role: 'model', parts: [{ inlineData: { mimeType: PCM_TYPE, data: Buffer.from(pcm).toString('base64') } }] },
      ...(finishReason && { finishReason }),
      index: 0,
    }],
    ...(usageMetadata !== undefined && { usageMetadata }),
    modelVersion: model,
    responseId,
  }
}

function usage(request: GeminiSpeechRequest, seconds: number) {
  const promptTokens = Math.ceil(request.text.length / 4)
  const audioTokens = Math.ceil(seconds * 25)
  return {
    promptTokenCount: promptTokens,
    candidatesTokenCount: audioTokens,
    totalTokenCount: promptTokens + audioTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
    candidatesTokensDetails: [{ modality: 'AUDIO', tokenCount: audioTokens }],
  }
}
