/** Which emulated service answered a request. */
export type Persona =
  | 'proxy'
  | 'openai'
  | 'azure'
  | 'gemini'
  | 'vertex-tts'
  | 'vertex-gemini'
  | 'google-token'

/** One `model_list` entry of a LiteLLM config. */
export interface ModelEntry {
  model_name: string
  litellm_params: {
    /** Upstream model, e.g. `openai/tts-1` or `gemini/gemini-2.5-flash-preview-tts`. */
    model: string
    /** Only honoured on `/audio/transcriptions`; MB = bytes / (1024 × 1024). */
    max_file_size_mb?: number
    [key: string]: unknown
  }
  model_info?: {
    id?: string
    /** A fault spec (see faults.ts) applied to every proxy request for this model. */
    emulator_fault?: string
    /** Limits `emulator_fault` to the first N requests of one `x-emulator-scenario`. */
    emulator_fault_times?: number
    [key: string]: unknown
  }
}

/** The part of a LiteLLM proxy config the emulator reads. */
export interface LiteLLMConfig {
  model_list: ModelEntry[]
  general_settings?: { master_key?: string; [key: string]: unknown }
  [key: string]: unknown
}

export interface EmulatorOptions {
  /** @default 0 (a random free port) */
  port?: number
  /** @default '127.0.0.1' */
  host?: string
  /** LiteLLM config as an object or YAML text. @default DEFAULT_CONFIG */
  config?: LiteLLMConfig | string
  /** Accepted credentials per persona; a given list replaces that persona's default. @default TEST_KEYS */
  keys?: Partial<{ proxy: string[]; openai: string[]; azure: string[]; gemini: string[]; vertexToken: string[] }>
  /**
   * Azure deployments (deployment name → underlying OpenAI model). `azure/<deployment>` entries
   * of the config are added. @default tts, tts-hd, gpt-4o-mini-tts, whisper, gpt-4o-transcribe
   */
  azureDeployments?: Record<string, string>
  /**
   * How many requests `emulator.requests` keeps; older ones are dropped, so a long-running
   * emulator (`npm start`) holds bounded memory. Tests that wait for more requests than this
   * must raise it. @default 1000
   */
  requestLogLimit?: number
}

export interface RecordedFile {
  fieldName: string
  filename: string
  mimeType: string
  size: number
}

export interface RecordedRequest {
  persona: Persona
  method: string
  path: string
  /** Path plus query string. */
  url: string
  headers: Record<string, string>
  /** Bytes of body actually received. */
  bodyBytes: number
  /** Parsed JSON body, when the body was JSON. */
  json?: unknown
  /** Multipart (or form-urlencoded) text fields; `x[]` and repeated names give arrays. */
  fields?: Record<string, string | string[]>
  file?: RecordedFile
  /** False when the client closed the connection before the body ended. */
  completed: boolean
  /** The status the emulator answered, once it answered. */
  status?: number
}

export interface Emulator {
  /** e.g. 'http://127.0.0.1:41234' */
  url: string
  port: number
  /** Requests in arrival order, rejected ones included: the newest `requestLogLimit` (default 1000). */
  requests: RecordedRequest[]
  /** Clears requests, fault counters and revoked tokens. */
  reset(): void
  /** Closes the server and destroys open sockets. */
  close(): Promise<void>
  /** Resolves once `n` requests have arrived. @default timeoutMs 5000 */
  waitForRequests(n: number, timeoutMs?: number): Promise<void>
  /** Resolves once `n` requests have arrived and each was answered or aborted. @default timeoutMs 5000 */
  waitForSettled(n: number, timeoutMs?: number): Promise<void>
}

/**
 * Google-shaped service-account JSON, as `createServiceAccount` returns it. A type alias (not an
 * interface) so it is assignable to `Record<string, unknown>`.
 */
export type ServiceAccountJson = {
  type: 'service_account'
  project_id: string
  private_key_id: string
  private_key: string
  client_email: string
  client_id: string
  auth_uri: string
  token_uri: string
  auth_provider_x509_cert_url: string
  client_x509_cert_url: string
  universe_domain: string
}
