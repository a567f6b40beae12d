import type { ClientOptions } from '../options/client-options.ts'
import type { TranscriptionParams } from './params.ts'
import type { TranscriptionAnswer, TranscriptionStream } from './stream.ts'
import { eventTranscriptionStream, wholeTranscriptionStream } from './stream.ts'
import type { StreamingDeps } from '../streaming-deps.ts'

/**
 * Audio → text as a stream (`stream: true` on the wire). Resolves once the server has answered
 * with a 2xx status; bad input, routing and HTTP errors reject here, errors later in the stream
 * come from the iteration and `final`. Loaded on first use; the core's own functions are handed
 * in (`deps`) rather than imported, see streaming.ts.
 */
export async function createTranscriptionStream(
  clientOptions: ClientOptions,
  params: TranscriptionParams,
  deps: StreamingDeps,
): Promise<TranscriptionStream> {
  const { planned, options, input } = await deps.prepareTranscription(clientOptions, params, true)
  const provider = planned.route.provider
  const { response, warnings, deadline } = await deps.exchange(planned, options, (context) =>
    planned.adapter.buildTranscriptionRequest!(input, context),
  )
  const answer: TranscriptionAnswer = {
    response,
    provider,
    warnings,
    requestId: deps.requestIdOf(response.headers),
    format: input.response_format,
    cutOff: () => new deps.ConnectionError('The event stream ended before its transcript.text.done event'),
  }
  if (deps.essence(response.headers.get('content-type')) !== 'text/event-stream') {
    // A server that ignored `stream` answered the whole transcript.
    const whole = deps.readText(response, deadline).then((body) => deps.toTranscription(body, response, input, provider, warnings))
    return wholeTranscriptionStream(answer, whole)
  }
  return eventTranscriptionStream(answer, (await deps.openBody(response, deadline)).stream)
}
