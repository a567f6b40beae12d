import { TEST_KEYS } from '../../test/emulator/index.ts'

/** How to point the README's direct-provider examples at the emulator's personas on `origin`. */
export interface ProviderExample {
  /** The README's model prefix. */
  model: string
  /** `createClient` options (or the Node environment) that reach the persona. */
  options: Record<string, string>
}

/**
 * The emulator's test credentials are the only ones these personas accept, so printing them
 * exposes nothing; they answer on the playground's own origin, under the same Host and Origin
 * rules as everything else there.
 */
export function providerExamples(origin: string): ProviderExample[] {
  return [
    {
      model: 'openai/…',
      options: { baseURL: `${origin}/openai/v1`, apiKey: TEST_KEYS.openai },
    },
    {
      model: 'azure/<deployment>',
      options: { baseURL: `${origin}/azure`, apiKey: TEST_KEYS.azure },
    },
    {
      model: 'gemini/…',
      options: { baseURL: `${origin}/gemini/v1beta`, apiKey: TEST_KEYS.gemini },
    },
    {
      model: 'vertex_ai/<voice> (Cloud TTS)',
      options: { baseURL: `${origin}/vertex-tts`, accessToken: TEST_KEYS.vertexToken },
    },
    {
      model: 'vertex_ai/gemini-…-tts',
      options: { baseURL: `${origin}/vertex`, accessToken: TEST_KEYS.vertexToken, vertexProject: 'voxfetch-local' },
    },
  ]
}

/** The lines `npm start` prints under "Direct providers". */
export function printProviderExamples(origin: string): void {
  console.log('  Direct providers, emulated on the same port (createClient options; local test keys):\n')
  for (const example of providerExamples(origin)) {
    const options = Object.entries(example.options).map(([name, value]) => `${name}: '${value}'`).join(', ')
    console.log(`    ${example.model.padEnd(30)} { ${options} }`)
  }
}
