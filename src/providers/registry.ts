import { openai, openAICompatible } from './openai.ts'
import type { ProviderAdapter, ProviderId } from './types.ts'

const ADAPTERS: Partial<Record<ProviderId, ProviderAdapter>> = {
  proxy: openAICompatible,
  openai,
  openai_compatible: openAICompatible,
}

export function adapterFor(provider: ProviderId): ProviderAdapter | undefined {
  return ADAPTERS[provider]
}
