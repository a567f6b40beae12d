import { openai, openAICompatible, proxy } from './openai.ts'
import type { ProviderAdapter, ProviderId } from './types.ts'

// The OpenAI wire format serves proxies and most calls, so it is always there. The other
// adapters load on first use: an app that only talks to a proxy never downloads them.
const ADAPTERS: Record<ProviderId, () => ProviderAdapter | Promise<ProviderAdapter>> = {
  proxy: () => proxy,
  openai: () => openai,
  openai_compatible: () => openAICompatible,
  azure: () => import('./azure.ts').then((module) => module.azure),
  gemini: () => import('./gemini.ts').then((module) => module.gemini),
  vertex_ai: () => import('./vertex.ts').then((module) => module.vertex),
}

export function adapterFor(provider: ProviderId): ProviderAdapter | Promise<ProviderAdapter> {
  return ADAPTERS[provider]()
}
