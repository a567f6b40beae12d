import { pathToFileURL } from 'node:url'
import { DEFAULT_CONFIG } from './config.ts'
import { TEST_KEYS } from './keys.ts'
import { startEmulator } from './server.ts'
import type { Emulator, EmulatorOptions } from './types.ts'

/** Starts the emulator alone (`tsx test/emulator/cli.ts`; port 4000, `PORT` overrides) and prints how to try it. `npm start` puts the playground in front of it. */
export async function main(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator({ port: Number(process.env.PORT ?? 4000), config: DEFAULT_CONFIG, ...options })
  console.log(`voxfetch emulator (LiteLLM proxy + OpenAI, Azure, Gemini, Vertex) on ${emulator.url}`)
  printUsage(emulator.url)
  const stop = () => void emulator.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return emulator
}

/** The proxy key, the model aliases and two curl lines against `url` (the emulator or a server in front of it). */
export function printUsage(url: string): void {
  const key = TEST_KEYS.proxy
  const auth = `-H "Authorization: Bearer ${key}"`
  console.log(`proxy key: ${key}   models: ${DEFAULT_CONFIG.model_list.map((entry) => entry.model_name).join(', ')}`)
  console.log(`curl ${url}/v1/audio/speech ${auth} -H "Content-Type: application/json" -d '{"model":"tts","input":"Hello from voxfetch.","voice":"alloy","response_format":"wav"}' -o hello.wav`)
  console.log(`curl ${url}/v1/audio/transcriptions ${auth} -F model=whisper -F file=@hello.wav`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
