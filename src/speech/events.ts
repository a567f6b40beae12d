import { decodeBase64 } from '../util/base64.ts'
import { concatBytes } from '../util/concat-bytes.ts'
import { resolveMediaType } from '../audio/media-type.ts'
import { parsePcmMediaType, pcmLayoutProblem, pcmMediaType, type PcmFormat, sealStreamedWav, streamingWavHeader } from '../audio/wav.ts'
import { eventPayload } from '../transport/event-payload.ts'
import type { OpaqueSpeechInput } from '../providers/types.ts'
import { eventStreamReader } from '../transport/sse.ts'
import { unexpectedAnswer } from '../errors/unexpected-answer.ts'
import { ConnectionError } from '../errors/classes.ts'

const SNIFF_BYTES = 16
const GEMINI_PCM = 'audio/L16;codec=pcm;rate=24000'

/** Audio decoded from a speech event stream as the events arrive. */
export interface StreamedSpeech {
  stream: ReadableStream<Uint8Array>
  mediaType: string
  /** What the final event reported, once the stream was read to its end. */
  usage(): Record<string, unknown> | undefined
  /** Writes a streamed WAV's real sizes once it was read whole. */
  seal?: (bytes: Uint8Array) => void
}

/**
 * Turns a `text/event-stream` speech answer into the same byte stream a plain answer gives:
 * - OpenAI `stream_format: 'sse'` (openai/openai-openapi `SpeechAudioDeltaEvent`,
 *   `SpeechAudioDoneEvent`): base64 `audio` in `speech.audio.delta`, usage in `speech.audio.done`;
 * - Gemini / Vertex `streamGenerateContent?alt=sse` (googleapis/googleapis
 *   `GenerateContentResponse`): base64 PCM in each chunk's `inlineData`, `usageMetadata` on the
 *   last; wrapped as a WAV of unknown length for `wav`, raw for `pcm`.
 * `body` is the answer's body opened under the call's deadline (typed errors, released at the end);
 * one event may not pass `maxBytes`. Resolves once the first audio is in (its type comes from
 * those bytes), then streams the rest. An OpenAI stream that ends before `speech.audio.done` (the
 * spec's "all audio has been streamed") was cut off: its stream errors, so clipped audio never
 * passes for the whole clip.
 */
export async function openSpeechEvents(
  body: ReadableStream<Uint8Array>,
  response: Response,
  input: OpaqueSpeechInput,
  provider: string,
  maxBytes: number,
): Promise<StreamedSpeech> {
  const events = eventStreamReader(body, maxBytes)
  const pending: Uint8Array[] = []
  let usage: Record<string, unknown> | undefined
  let pcm: PcmFormat | undefined
  let ended = false
  let openaiEvents: 'none' | 'delta' | 'done' = 'none'

  /** Reads one event into `pending`; false once the stream has ended. */
  const next = async (): Promise<boolean> => {
    const event = await events.read()
    if (!event) {
      ended = true
      if (openaiEvents === 'delta') throw new ConnectionError('The event stream ended before its speech.audio.done event')
      return false
    }
    const payload = eventPayload(event, provider, response)
    if (!payload) return true
    if (payload.type === 'speech.audio.done') {
      openaiEvents = 'done'
      usage = record(payload.usage)
      return true
    }
    if (payload.type === 'speech.audio.delta' && typeof payload.audio === 'string') {
      if (openaiEvents === 'none') openaiEvents = 'delta'
      if (payload.audio) pending.push(decode(payload.audio))
      return true
    }
    if (Array.isArray(payload.candidates)) {
      usage = record(payload.usageMetadata) ?? usage
      for (const part of geminiAudioParts(payload)) {
        if (!pcm) {
          pcm = parsePcmMediaType(part.mimeType ?? GEMINI_PCM)
          if (!pcm) throw unexpectedAnswer(provider, `audio of type ${part.mimeType}, not raw PCM`, undefined, response)
          const problem = pcmLayoutProblem(pcm)
          if (problem) throw unexpectedAnswer(provider, `audio of type ${part.mimeType}, whose layout cannot be true: ${problem}`, undefined, response)
          if (input.response_format === 'wav') pending.push(streamingWavHeader(pcm))
        }
        pending.push(decode(part.data))
      }
    }
    return true
  }
  const decode = (text: string) => {
    try {
      return decodeBase64(text)
    } catch {
      throw unexpectedAnswer(provider, 'the audio in an event is not valid base64', undefined, response)
    }
  }

  try {
    while (pending.reduce((sum, chunk) => sum + chunk.byteLength, 0) < SNIFF_BYTES && (await next()));
  } catch (error) {
    await events.cancel()
    throw error
  }
  if (pending.every((chunk) => chunk.byteLength === 0) && ended) {
    throw unexpectedAnswer(provider, 'the event stream carried no audio', undefined, response)
  }
  const mediaType = pcm
    ? input.response_format === 'wav' ? 'audio/wav' : pcmMediaType(pcm)
    : resolveMediaType(null, concatBytes(pending).subarray(0, SNIFF_BYTES), input.response_format)

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (pending.length === 0) {
          if (ended || !(await next())) return controller.close()
        }
      } catch (error) {
        await events.cancel()
        throw error
      }
      controller.enqueue(pending.shift()!)
    },
    cancel: (reason) => events.cancel(reason),
  })
  return { stream, mediaType, usage: () => usage, ...(pcm && input.response_format === 'wav' && { seal: sealStreamedWav }) }
}

interface AudioPart {
  mimeType?: string
  data: string
}

/** The inline audio parts of one GenerateContentResponse chunk (camelCase, or snake_case as some gateways send). */
function geminiAudioParts(payload: Record<string, unknown>): AudioPart[] {
  const candidate = (payload.candidates as Array<{ content?: { parts?: unknown[] } }>)[0]
  const parts: AudioPart[] = []
  for (const part of candidate?.content?.parts ?? []) {
    const inline = (part as { inlineData?: unknown; inline_data?: unknown } | null)
    const data = (inline?.inlineData ?? inline?.inline_data) as { mimeType?: unknown; mime_type?: unknown; data?: unknown } | undefined
    if (typeof data?.data !== 'string' || data.data.length === 0) continue
    const mimeType = data.mimeType ?? data.mime_type
    parts.push({ data: data.data, ...(typeof mimeType === 'string' && { mimeType }) })
  }
  return parts
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
}
