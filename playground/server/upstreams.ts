import { TEST_KEYS, type Emulator } from '../../test/emulator/index.ts'
import type { Upstream } from './forward.ts'

/** Every persona of the emulator answers on the playground's origin, as on its own port. */
const EMULATOR_PATHS = ['/v1', '/audio', '/models', '/health', '/openai', '/azure', '/gemini', '/vertex', '/vertex-tts', '/google-token']
/** A real proxy is reached for the audio endpoints and the model list only. */
export const PROXY_PATHS = ['/v1/audio', '/audio', '/v1/models']

/** The embedded emulator, with its proxy key added to calls that bring none (the page brings none). */
export function emulatorUpstream(emulator: Emulator): Upstream {
  return { url: emulator.url, apiKey: TEST_KEYS.proxy, prefixes: EMULATOR_PATHS }
}

/** A real LiteLLM proxy; its key is added here, on the server, never sent to the page. */
export function proxyUpstream(baseURL: string, apiKey: string | undefined): Upstream {
  return { url: baseURL, apiKey, prefixes: PROXY_PATHS }
}
