import { pythonFloat } from './python-float.ts'
import { shouldRetry } from './retryable.ts'

/** Base class of every error voxfetch throws on purpose. */
export class VoxfetchError extends Error {
  override name = 'VoxfetchError'
}

/** Bad input, found before any request was sent. `field` names the offending option. */
export class InvalidRequestError extends VoxfetchError {
  override name = 'InvalidRequestError'
  readonly field: string

  constructor(field: string, message: string, options?: ErrorOptions) {
    super(`${field}: ${message}`, options)
    this.field = field
  }
}

export interface APIErrorInit {
  status: number
  provider: string
  message: string
  type?: string | undefined
  param?: string | undefined
  code?: string | undefined
  requestId?: string | undefined
  headers?: Headers | undefined
  body?: string | undefined
}

/** The server answered with a non-2xx status. */
export class APIError extends VoxfetchError {
  override name = 'APIError'
  readonly status: number
  readonly provider: string
  readonly type: string | undefined
  readonly param: string | undefined
  readonly code: string | undefined
  readonly requestId: string | undefined
  readonly headers: Headers | undefined
  /** The response body as text, capped at 2,000 characters. */
  readonly body: string | undefined

  constructor(init: APIErrorInit) {
    super(init.message)
    this.status = init.status
    this.provider = init.provider
    this.type = init.type
    this.param = init.param
    this.code = init.code
    this.requestId = init.requestId
    this.headers = init.headers
    this.body = init.body
  }

  /** Whether the same request may succeed when sent again: the server's `x-should-retry`, else 408, 409, 429, >= 500. */
  get retryable(): boolean {
    return shouldRetry(this.status, this.headers)
  }
}

export interface FileTooLargeErrorInit {
  fileSizeMB: number
  maxFileSizeMB: number
  /** Set when the server, not the client-side check, refused the file. */
  status?: number | undefined
  requestId?: string | undefined
  /** The server's own message, kept verbatim; the client-side check builds LiteLLM's. */
  message?: string | undefined
}

/**
 * A file larger than the allowed size. The message is the LiteLLM proxy's own, whether the
 * client-side check or the proxy found it: LiteLLM prints both sizes as Python floats
 * (`Passed file size: 1.5 MB. Max file size: 1.0 MB`).
 */
export class FileTooLargeError extends VoxfetchError {
  override name = 'FileTooLargeError'
  readonly field = 'file'
  readonly fileSizeMB: number
  readonly maxFileSizeMB: number
  readonly status: number | undefined
  readonly requestId: string | undefined

  constructor(init: FileTooLargeErrorInit) {
    // BerriAI/litellm litellm/proxy/common_utils/http_parsing_utils.py (check_file_size_under_limit):
    // an f-string of two floats, `max_file_size_mb` being a float field of the deployment's params.
    super(init.message ?? `File size is too large. Please check your file size. Passed file size: ${pythonFloat(init.fileSizeMB)} MB. Max file size: ${pythonFloat(init.maxFileSizeMB)} MB`)
    this.fileSizeMB = init.fileSizeMB
    this.maxFileSizeMB = init.maxFileSizeMB
    this.status = init.status
    this.requestId = init.requestId
  }
}

/** The whole exchange (retries and body included) took longer than `timeout` ms. */
export class TimeoutError extends VoxfetchError {
  override name = 'TimeoutError'
  readonly timeout: number

  constructor(timeout: number, options?: ErrorOptions) {
    super(`Request timed out after ${timeout} ms`, options)
    this.timeout = timeout
  }
}

/** The connection failed or broke before the exchange completed. */
export class ConnectionError extends VoxfetchError {
  override name = 'ConnectionError'
}

/**
 * An answer read whole (JSON, a transcript, base64 audio) was longer than `maxResponseBytes`;
 * the rest was not read. Streamed audio has no such limit.
 */
export class ResponseTooLargeError extends VoxfetchError {
  override name = 'ResponseTooLargeError'
  readonly field = 'maxResponseBytes'
  readonly limit: number

  constructor(limit: number) {
    super(`The answer is larger than maxResponseBytes (${limit} bytes), so it was not read whole; raise maxResponseBytes if answers this large are expected`)
    this.limit = limit
  }
}

/**
 * The text being spoken (`streamSpeech`'s `text`) failed: `cause` is its error. What came
 * before it was spoken.
 */
export class TextSourceError extends VoxfetchError {
  override name = 'TextSourceError'
}

const NAMES = ['VoxfetchError', 'InvalidRequestError', 'APIError', 'FileTooLargeError', 'TimeoutError', 'ConnectionError', 'ResponseTooLargeError', 'TextSourceError']

// By name rather than instanceof, so errors from another copy of voxfetch (an ESM and a CJS
// build loaded side by side) are recognized too.
function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name
}

export const isVoxfetchError = (error: unknown): error is VoxfetchError =>
  error instanceof Error && NAMES.includes(error.name)
export const isInvalidRequestError = (error: unknown): error is InvalidRequestError => hasName(error, 'InvalidRequestError')
export const isAPIError = (error: unknown): error is APIError => hasName(error, 'APIError')
export const isFileTooLargeError = (error: unknown): error is FileTooLargeError =>
  hasName(error, 'FileTooLargeError')
export const isTimeoutError = (error: unknown): error is TimeoutError => hasName(error, 'TimeoutError')
export const isResponseTooLargeError = (error: unknown): error is ResponseTooLargeError => hasName(error, 'ResponseTooLargeError')
export const isConnectionError = (error: unknown): error is ConnectionError => hasName(error, 'ConnectionError')
export const isTextSourceError = (error: unknown): error is TextSourceError => hasName(error, 'TextSourceError')
/** True for a user's abort (the platform's `AbortError`), which voxfetch never retries. */
export const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError'
