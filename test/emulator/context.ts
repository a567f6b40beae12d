import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Fault } from './faults.ts'
import type { RequestBody } from './read-body.ts'
import type { EmulatorState } from './state.ts'
import type { Persona, RecordedRequest } from './types.ts'

/** Everything one request's handler needs; built by the server, passed down the pipeline. */
export interface RequestContext {
  request: IncomingMessage
  response: ServerResponse
  record: RecordedRequest
  state: EmulatorState
  persona: Persona
  url: URL
  /** Captures of the matched route pattern, decoded. */
  params: string[]
  body: RequestBody
  /** The fault this request carries (header or model config), when one applies. */
  fault?: Fault
  /** Headers added to every answer of this request (request ids, x-litellm-*). */
  headers: Record<string, string>
}
