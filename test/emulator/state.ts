import type { KeyObject } from 'node:crypto'
import { DEFAULT_REQUEST_LOG_LIMIT } from './bounded.ts'
import { parseConfig } from './config.ts'
import { TEST_KEYS } from './keys.ts'
import type { EmulatorOptions, LiteLLMConfig, RecordedRequest } from './types.ts'

export interface RegisteredServiceAccount {
  publicKey: KeyObject
  keyId: string
}

/** Mutable state of one running emulator. */
export interface EmulatorState {
  url: string
  config: LiteLLMConfig
  keys: { proxy: string[]; openai: string[]; azure: string[]; gemini: string[]; vertexToken: string[] }
  azureDeployments: Record<string, string>
  requests: RecordedRequest[]
  /** `requests` keeps this many, newest last. */
  requestLogLimit: number
  /** Requests that were answered or whose connection closed. */
  settled: WeakSet<RecordedRequest>
  /** Faults applied so far per scenario. */
  faultCounters: Map<string, number>
  /** Access tokens issued by the token endpoint → expiry (ms since epoch). */
  issuedTokens: Map<string, number>
  revokedTokens: Set<string>
  /** Registered service accounts by client_email. */
  serviceAccounts: Map<string, RegisteredServiceAccount>
  listeners: Set<() => void>
  changed(): void
}

const DEFAULT_AZURE_DEPLOYMENTS: Record<string, string> = {
  tts: 'tts-1',
  'tts-hd': 'tts-1-hd',
  'gpt-4o-mini-tts': 'gpt-4o-mini-tts',
  whisper: 'whisper-1',
  'gpt-4o-transcribe': 'gpt-4o-transcribe',
}

export function createState(options: EmulatorOptions): EmulatorState {
  const config = parseConfig(options.config)
  const azureDeployments = { ...(options.azureDeployments ?? DEFAULT_AZURE_DEPLOYMENTS) }
  for (const entry of config.model_list) {
    const match = /^azure\/(.+)$/.exec(entry.litellm_params.model)
    if (match?.[1]) azureDeployments[match[1]] ??= match[1]
  }
  const masterKey = config.general_settings?.master_key
  const state: EmulatorState = {
    url: '',
    config,
    keys: {
      proxy: [...(options.keys?.proxy ?? [TEST_KEYS.proxy]), ...(masterKey ? [masterKey] : [])],
      openai: options.keys?.openai ?? [TEST_KEYS.openai],
      azure: options.keys?.azure ?? [TEST_KEYS.azure],
      gemini: options.keys?.gemini ?? [TEST_KEYS.gemini],
      vertexToken: options.keys?.vertexToken ?? [TEST_KEYS.vertexToken],
    },
    azureDeployments,
    requests: [],
    requestLogLimit: options.requestLogLimit ?? DEFAULT_REQUEST_LOG_LIMIT,
    settled: new WeakSet(),
    faultCounters: new Map(),
    issuedTokens: new Map(),
    revokedTokens: new Set(),
    serviceAccounts: new Map(),
    listeners: new Set(),
    changed() {
      for (const listener of [...state.listeners]) listener()
    },
  }
  return state
}

const states = new WeakMap<object, EmulatorState>()

/** Links a public Emulator handle to its state (for helpers such as createServiceAccount). */
export function linkState(emulator: object, state: EmulatorState): void {
  states.set(emulator, state)
}

export function stateOf(emulator: object): EmulatorState {
  const state = states.get(emulator)
  if (!state) throw new TypeError('not an emulator returned by startEmulator()')
  return state
}
