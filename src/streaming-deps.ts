import { essence } from './audio/media-type.ts'
import { exchange } from './pipeline/call.ts'
import { ConnectionError } from './errors/classes.ts'
import { requestIdOf } from './util/request-id.ts'
import { prepareTranscription, toTranscription } from './transcription/create.ts'
import { openBody } from './transport/body-stream.ts'
import { readText } from './transport/read-text.ts'

/** The core's functions the lazily loaded streaming code uses, handed to it at call time. */
export const streamingDeps = { prepareTranscription, exchange, openBody, readText, toTranscription, requestIdOf, essence, ConnectionError }
export type StreamingDeps = typeof streamingDeps
