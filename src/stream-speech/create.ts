import { InvalidRequestError } from '../errors/classes.ts'
import { type CallOptions, mergeOptions, plan } from '../pipeline/call.ts'
import type { ClientOptions } from '../options/client-options.ts'
import { validate } from '../options/validate.ts'
import { createSpeech } from '../speech/create.ts'
import type { SpeechParams } from '../speech/params.ts'
import { orderedPipeline } from './ordered-pipeline.ts'
import { type StreamSpeechParams, streamSpeechParams } from './params.ts'
import { type SpokenPiece, SpeechStream } from './stream.ts'
import { textPieces } from './text-pieces.ts'

/**
 * Text that is still being written → speech, piece by piece: sentences are spoken as soon as
 * they are complete, requests run ahead of playback (`concurrency` at once) and the pieces come
 * out in the text's order. Resolves once the call is checked and routed, before any request.
 */
export async function createSpeechStream(clientOptions: ClientOptions, params: StreamSpeechParams): Promise<SpeechStream> {
  const parsed = validate(streamSpeechParams.for(params), params)
  const { text, locale, minChars = 20, maxChars = 300, firstClauseChars = 20, concurrency = 2, markdown = true, signal, ...speech } = parsed
  if (minChars > maxChars) throw new InvalidRequestError('minChars', `must not be more than maxChars (${maxChars})`)
  // Routing and keys are checked now, so bad input fails before any text is read or sent.
  const options: CallOptions = mergeOptions(clientOptions, speech)
  const { adapter } = await plan(speech.model, options)
  const controller = new AbortController()
  const stop = () => controller.abort(signal?.reason)
  if (signal?.aborted) stop()
  else signal?.addEventListener('abort', stop, { once: true })
  controller.signal.addEventListener('abort', () => signal?.removeEventListener('abort', stop), { once: true })

  const pieces = textPieces(text, {
    locale, minChars, firstClauseChars, markdown, signal: controller.signal,
    // Never more than the provider takes in one request.
    maxChars: Math.min(maxChars, adapter.maxInputChars),
  })
  const speak = async (input: string, index: number): Promise<SpokenPiece> => {
    const result = await createSpeech(clientOptions, { ...speech, input, signal: controller.signal } as SpeechParams)
    const audio = new Uint8Array(await result.arrayBuffer())
    return {
      index, text: input, audio, mediaType: result.mediaType, format: result.format,
      usage: result.usage, requestId: result.requestId, warnings: result.warnings,
    }
  }
  const spoken = orderedPipeline(pieces, speak, {
    concurrency,
    signal: controller.signal,
    // A piece that finally failed: the ones after it will never be spoken.
    onFailure: (error) => controller.abort(error),
  })
  return new SpeechStream(spoken, controller)
}
