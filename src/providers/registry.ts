import { azure } from './azure.ts'
import { gemini } from './gemini.ts'
import { openai, openAICompatible } from './openai.ts'
import type { ProviderAdapter, ProviderId } from './types.ts'
import { vertex } from './vertex.ts'

const ADAPTERS: Record<ProviderId, ProviderAdapter> = {
  proxy: openAICompatible,
  openai,
  openai_compatible: openAICompatible,
  azure,
  gemini,
  vertex_ai: vertex,
}

export function adapterFor(provider: ProviderId): ProviderAdapter | undefined {
  return ADAPTERS[provider]
}
