import { streamTranscription, transcription } from '../index.ts'
import type { ResolvedDictationOptions } from './options.ts'

export interface PieceRequest {
  file: File
  prompt: string
  signal: AbortSignal
  /** The piece's words so far, while the model streams them. */
  onPartial(text: string): void
}

/**
 * One piece through the public client: `streamTranscription` when asked to stream (a server
 * that does not stream answers whole, as one final event), else `transcription`. Retries of
 * transient failures are the client's (`maxRetries`).
 */
export async function transcribePiece(options: ResolvedDictationOptions, request: PieceRequest): Promise<string> {
  const client = options.client ?? { transcription, streamTranscription }
  const params = {
    ...options.params,
    model: options.model,
    file: request.file,
    signal: request.signal,
    ...(options.language ? { language: options.language } : {}),
    ...(request.prompt ? { prompt: request.prompt } : {}),
  }
  if (!options.stream) return (await client.transcription(params)).text
  const stream = await client.streamTranscription(params)
  let text = ''
  for await (const event of stream) {
    if (event.type === 'transcript.text.delta') request.onPartial(event.text)
    else if (event.type === 'transcript.text.done') text = event.text
  }
  return text
}
