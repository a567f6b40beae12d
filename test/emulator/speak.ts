import type { RequestContext } from './context.ts'
import { synthesizeSpeech, unsupportedFormatMessage } from './encode-audio.ts'
import { reject } from './validation.ts'
import { replyRejection } from './reply-rejection.ts'
import { sendAudio, sendEvents } from './respond.ts'
import type { SpeechRequest } from './validate-speech.ts'

export interface SpeakOptions {
  /** Bytes per written chunk: 1024 behind the proxy, larger for direct providers. */
  chunkSize: number
  /** Extra headers, computed once the audio is ready (so durations include synthesis). */
  headers?: () => Record<string, string>
  /** One Content-Type for every answer, whatever the format (the LiteLLM proxy's). */
  contentType?: string
}

/** Synthesizes a validated OpenAI-style speech request and streams the audio (or SSE). */
export async function speak(context: RequestContext, request: SpeechRequest, options: SpeakOptions): Promise<void> {
  if (request.format === 'opus' || request.format === 'aac') {
    const refused = reject(unsupportedFormatMessage(request.format), 'response_format', 'unsupported_value')
    return replyRejection(context, refused.rejection)
  }
  const audio = await synthesizeSpeech(request.input, request.format, { voice: request.voice, speed: request.speed })
  const headers = options.headers?.() ?? {}
  if (request.streamFormat === 'audio') return sendAudio(context, audio.bytes, options.contentType ?? audio.contentType, options.chunkSize, headers)
  const events: unknown[] = []
  for (let start = 0; start < audio.bytes.length; start += 8192) {
    events.push({ type: 'speech.audio.delta', audio: Buffer.from(audio.bytes.subarray(start, start + 8192)).toString('base64') })
  }
  const inputTokens = Math.ceil(request.input.length / 4)
  const outputTokens = Math.ceil(audio.duration * 20)
  events.push({ type: 'speech.audio.done', usage: { input_tokens: inputTokens, output_tokens: outputTokens, total_tokens: inputTokens + outputTokens } })
  return sendEvents(context, events, headers)
}
