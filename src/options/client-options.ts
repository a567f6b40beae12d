import * as z from 'zod/mini'

/** What a wrong value is, for error messages: "a string", "null", "an array", "an object"… */
function describeValue(value: unknown): string {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  return type === 'null' || type === 'undefined' ? type : `${/^[aeio]/.test(type) ? 'an' : 'a'} ${type}`
}

export const nonEmptyString = (message: string) => z.string().check(z.minLength(1, message))
/** "must be a function, got a string": every wrong-type message says what it got. */
export const got = (message: string) => ({ error: (issue: { input?: unknown }) => `${message}, got ${describeValue(issue.input)}` })
export const fn = <T>(message: string) => z.custom<T>((value) => typeof value === 'function', got(message))
// setTimeout fires at once for delays over 2^31 - 1 ms (about 24.8 days).
const positiveMs = z.number().check(
  z.positive('must be a positive number of milliseconds'),
  z.lte(2_147_483_647, 'must be at most 2147483647 ms (about 24.8 days)'),
)

/** A progress report of an upload: bytes handed to the network so far. */
export interface UploadProgress {
  loaded: number
  total: number
  /** 0 to 100, rounded down; 100 only once every byte was sent. */
  percent: number
  /**
   * 1 for the first sending. When a retryable failure (a 5xx, 429, a broken connection) makes
   * the upload go out again, `attempt` goes up and `loaded` starts over from 0: progress never
   * goes backwards within an attempt.
   */
  attempt: number
}

/**
 * The parts of a Google service-account JSON key that signing a token needs. Other fields of
 * the file are accepted and dropped (a plain object, so typed key interfaces assign to it).
 */
export const serviceAccountSchema = z.object({
  client_email: nonEmptyString('client_email is required'),
  private_key: nonEmptyString('private_key is required'),
  token_uri: z.optional(z.string()),
  project_id: z.optional(z.string()),
  private_key_id: z.optional(z.string()),
})
const serviceAccountSource = z.union(
  [z.string(), serviceAccountSchema],
  'must be a service-account key: its JSON as an object or text, or (Node only) a path to it',
)
export type ServiceAccount = z.infer<typeof serviceAccountSchema>

/** One deployment of a LiteLLM proxy's `model_list`. */
const modelListEntry = z.object({
  model_name: nonEmptyString('model_name is required'),
  litellm_params: z.looseObject({
    model: nonEmptyString('litellm_params.model is required'),
    api_key: z.optional(z.string()),
    api_base: z.optional(z.string()),
    api_version: z.optional(z.string()),
    vertex_project: z.optional(z.string()),
    vertex_location: z.optional(z.string()),
    vertex_credentials: z.optional(serviceAccountSource),
    max_file_size_mb: z.optional(z.number().check(z.positive('must be positive'))),
  }),
  model_info: z.optional(z.record(z.string(), z.unknown())),
})
export type ModelListEntry = z.infer<typeof modelListEntry>

type TokenSource = string | (() => string | Promise<string>)

export const clientOptionsShape = {
  /** Base URL of a LiteLLM proxy or of the provider (LiteLLM's `api_base`): http(s), with no `user:password@` in it. */
  baseURL: z.optional(
    z.url({ message: 'must be an absolute http(s) URL', protocol: /^https?$/ }).check(
      z.refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), 'must not contain credentials (user:password@); pass the key as apiKey'),
    ),
  ),
  /** A proxy virtual key (`sk-…`) or a provider key. Sent only in headers, never in URLs. */
  apiKey: z.optional(nonEmptyString('must not be empty')),
  /** OpenAI `OpenAI-Organization` header. */
  organization: z.optional(z.string()),
  /** OpenAI `OpenAI-Project` header. */
  project: z.optional(z.string()),
  /**
   * Extra headers sent with every request. Names are compared without case: per-call headers
   * replace the client's of the same name, and a header set here replaces the one voxfetch
   * would send (an `Authorization` here wins over the one built from `apiKey`). Names must be
   * HTTP tokens and values must have no line breaks, or the call fails before sending.
   */
  headers: z.optional(z.record(z.string(), z.string())),
  /** Retries after network errors, 408, 409, 429 and 5xx. @default 2 */
  maxRetries: z.optional(z.int().check(z.gte(0, 'must be 0 or more'), z.lte(10, 'must be at most 10'))),
  /** Milliseconds the whole call may take: retries, headers and body. @default 600000 */
  timeout: z.optional(positiveMs),
  /** The fetch to use; looked up on `globalThis` at call time by default. */
  fetch: z.optional(fn<typeof globalThis.fetch>('must be a function')),
  /** Allow provider keys in a browser, where anyone can read them. @default false */
  dangerouslyAllowBrowser: z.optional(z.boolean()),
  /**
   * Largest answer read whole into memory, in bytes: transcripts, JSON with base64 audio
   * (Gemini, Vertex), unexpected text. Past it the call fails with a `ResponseTooLargeError`
   * and the rest is not read. Streamed audio is not limited; error bodies are read up to 8 KiB.
   * @default 134217728 (128 MiB)
   */
  maxResponseBytes: z.optional(z.int().check(z.positive('must be a positive number of bytes'))),
  /** Largest transcription upload in MB (bytes / 1,048,576), checked before sending. */
  maxFileSizeMB: z.optional(z.number().check(z.positive('must be positive'))),
  /** A LiteLLM proxy config's `model_list`, so aliases resolve without a proxy. */
  modelList: z.optional(z.array(modelListEntry)),
  /** Azure OpenAI `api-version`. @default '2025-02-01-preview' */
  apiVersion: z.optional(nonEmptyString('must not be empty')),
  /** Azure Entra ID token, sent as `Authorization: Bearer`. */
  azureAdToken: z.optional(nonEmptyString('must not be empty')),
  /** Called before each Azure request for a fresh Entra ID token. */
  azureAdTokenProvider: z.optional(fn<() => string | Promise<string>>('must be a function')),
  /** Google OAuth access token (or a function returning one) for Vertex AI. */
  accessToken: z.optional(
    z.custom<TokenSource>(
      (value) => (typeof value === 'string' && value.length > 0) || typeof value === 'function',
      'must be a token or a function returning one',
    ),
  ),
  /** Service-account key used to mint Vertex AI tokens: the JSON as an object or text, or (Node only) a path to it. Refused in browsers. */
  vertexCredentials: z.optional(serviceAccountSource),
  /** Google Cloud project for Vertex AI. */
  vertexProject: z.optional(nonEmptyString('must not be empty')),
  /** Vertex AI location. @default 'us-central1' */
  vertexLocation: z.optional(nonEmptyString('must not be empty')),
}

export const clientOptionsSchema = z.strictObject(clientOptionsShape)
export type ClientOptions = z.input<typeof clientOptionsSchema>


// The per-call schemas live with their capability (speech-schema.ts, transcription-schema.ts),
// so a page loads only the one it calls. Their types are not re-exported here: a type cycle
// through this module makes the declaration bundler warn on every build.
