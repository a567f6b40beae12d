import { essence } from './audio/media-type.ts'
import { exchange } from './call.ts'
import { ConnectionError } from './errors.ts'
import { requestIdOf } from './request-id.ts'
import { prepareTranscription, toTranscription } from './transcription.ts'
import { openBody } from './transport/body-stream.ts'
import { readText } from './transport/read-text.ts'

/** The core's functions the lazily loaded streaming code uses, handed to it at call time. */
export const streamingDeps = { prepareTranscription, exchange, openBody, readText, toTranscription, requestIdOf, essence, ConnectionError }
export type StreamingDeps = typeof streamingDeps
