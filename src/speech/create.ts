import { decodingAnswer } from '../errors/answer-secrets.ts'
import { essence, formatForMediaType, resolveMediaType } from '../audio/media-type.ts'
import { type CallOptions, exchange, mergeOptions, plan } from '../pipeline/call.ts'
import { assertInputLength } from '../pipeline/limits.ts'
import type { OpaqueSpeechInput } from '../providers/types.ts'
import type { ClientOptions } from '../options/client-options.ts'
import { type SpeechParams, speechParams } from './params.ts'
import { SpeechResult, type SpeechResultInit } from './result.ts'
import { type ByteSource, openBody } from '../transport/body-stream.ts'
import { DEFAULT_MAX_RESPONSE_BYTES, readText } from '../transport/read-text.ts'
import { unexpectedAnswer } from '../errors/unexpected-answer.ts'
import { validate } from '../options/validate.ts'

/** Text → audio. Resolves as soon as the first bytes arrive; the rest streams. */
export async function createSpeech(clientOptions: ClientOptions, params: SpeechParams): Promise<SpeechResult> {
  const parsed = validate(speechParams.for(params), params)
  const options: CallOptions = mergeOptions(clientOptions, parsed)
  // Awaited only when an adapter is still loading: a needless await lets the last answer's
  // clean-up run before this request goes out instead of while the server works on it.
  const pending = plan(parsed.model, options)
  const planned = 'then' in pending ? await pending : pending
  assertInputLength(parsed.input, planned.adapter.maxInputChars)
  const { defaultSpeechFormat } = planned.adapter
  const input: OpaqueSpeechInput = {
    input: parsed.input,
    voice: parsed.voice,
    speakers: parsed.speakers,
    response_format: parsed.response_format ?? (defaultSpeechFormat ? defaultSpeechFormat(planned.route.model) : 'mp3'),
    speed: parsed.speed,
    instructions: parsed.instructions,
    stream_format: parsed.stream_format,
    extraBody: parsed.extraBody,
  }
  const { adapter, route } = planned
  const { response, warnings, deadline } = await exchange(planned, options, (context) =>
    adapter.buildSpeechRequest(input, context),
  )
  const contentType = response.headers.get('content-type')
  const contentEssence = essence(contentType)
  // Nothing asked (a proxy alias): the format is what the bytes turned out to be.
  const result = (stream: ReadableStream<Uint8Array> | ByteSource, mediaType: string, streamed?: Pick<SpeechResultInit, 'usage' | 'seal'>) => new SpeechResult({
    stream, mediaType, format: input.response_format ?? formatForMediaType(mediaType),
    headers: response.headers, warnings, provider: route.provider, ...streamed,
  })

  if (contentEssence === 'text/event-stream') {
    // Loaded on first use: an app that never asks for stream_format: 'sse' never downloads it.
    const { openSpeechEvents } = await import('./events.ts')
    const body = (await openBody(response, deadline)).stream
    const streamed = await openSpeechEvents(body, response, input, route.provider, options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES)
    return result(streamed.stream, streamed.mediaType, streamed)
  }
  if (adapter.decodeSpeech) {
    const text = await readText(response, deadline, options.maxResponseBytes)
    const audio = decodingAnswer(response, () => adapter.decodeSpeech!(parseJSON(text, response, route.provider), input))
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(audio.bytes)
        controller.close()
      },
    })
    return result(stream, audio.mediaType)
  }
  if (/^(application\/json|text\/)/.test(contentEssence)) {
    const text = await readText(response, deadline, options.maxResponseBytes)
    throw unexpectedAnswer(route.provider, `expected audio but got ${contentEssence}`, text, response)
  }
  const body = await openBody(response, deadline)
  if (body.head.byteLength === 0) throw unexpectedAnswer(route.provider, 'the answer has no audio in it', undefined, response)
  return result(body, resolveMediaType(contentType, body.head, input.response_format))
}

function parseJSON(text: string, response: Response, provider: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw unexpectedAnswer(provider, 'the answer is not valid JSON', text, response)
  }
}
