import { randomBytes } from 'node:crypto'
import type { RequestContext } from './context.ts'
import { synthesizeSpeech } from './encode-audio.ts'
import { sendJson } from './respond.ts'
import type { GeminiSpeechRequest } from './validate-gemini.ts'

/**
 * A generateContent answer carrying base64 24 kHz s16le PCM of the spoken text. Shape:
 * googleapis/googleapis google/ai/generativelanguage/v1beta/generative_service.proto
 * (GenerateContentResponse: candidates, usage_metadata, model_version, response_id; Candidate:
 * content, finish_reason, index; UsageMetadata: prompt/candidates/total token counts and per-modality
 * details) and content.proto (Part.inline_data = Blob { mime_type, data }: `bytes`, so base64 in JSON).
 * The mime type `audio/L16;codec=pcm;rate=24000` is what the TTS models answer as observed; Blob's
 * comment says only "The IANA standard MIME type of the source data", no repository pins it.
 */
export async function answerGeminiSpeech(context: RequestContext, request: GeminiSpeechRequest, model: string): Promise<void> {
  const audio = await synthesizeSpeech(request.text, 'pcm', { voice: request.voice })
  const promptTokens = Math.ceil(request.text.length / 4)
  const audioTokens = Math.ceil(audio.duration * 25)
  sendJson(context, 200, {
    candidates: [{
      content: { role: 'model', parts: [{ inlineData: { mimeType: 'audio/L16;codec=pcm;rate=24000', data: Buffer.from(audio.bytes).toString('base64') } }] },
      finishReason: 'STOP',
      index: 0,
    }],
    usageMetadata: {
      promptTokenCount: promptTokens,
      candidatesTokenCount: audioTokens,
      totalTokenCount: promptTokens + audioTokens,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
      candidatesTokensDetails: [{ modality: 'AUDIO', tokenCount: audioTokens }],
    },
    modelVersion: model,
    responseId: randomBytes(12).toString('base64url'),
  })
}
