import { isBrowser, readEnv } from './env.ts'
import { InvalidRequestError } from './errors.ts'
import type { ProviderId, Route } from './providers/types.ts'
import type { ClientOptions, ModelListEntry } from './schemas.ts'

interface ProviderDefaults {
  provider: ProviderId
  baseURL?: (options: ClientOptions, model: string) => string | undefined
  keyEnv?: string[]
}

const OPENAI_COMPATIBLE: Record<string, { baseURL?: string; keyEnv: string }> = {
  groq: { baseURL: 'https://api.groq.com/openai/v1', keyEnv: 'GROQ_API_KEY' },
  fireworks_ai: { baseURL: 'https://api.fireworks.ai/inference/v1', keyEnv: 'FIREWORKS_AI_API_KEY' },
  deepinfra: { baseURL: 'https://api.deepinfra.com/v1/openai', keyEnv: 'DEEPINFRA_API_KEY' },
  together_ai: { baseURL: 'https://api.together.xyz/v1', keyEnv: 'TOGETHERAI_API_KEY' },
  hosted_vllm: { keyEnv: 'HOSTED_VLLM_API_KEY' },
  openai_like: { keyEnv: 'OPENAI_LIKE_API_KEY' },
}

const PROVIDERS: Record<string, ProviderDefaults> = {
  openai: {
    provider: 'openai',
    baseURL: () => readEnv('OPENAI_BASE_URL') ?? readEnv('OPENAI_API_BASE') ?? 'https://api.openai.com/v1',
    keyEnv: ['OPENAI_API_KEY'],
  },
  litellm_proxy: {
    provider: 'proxy',
    baseURL: () => readEnv('VOXFETCH_BASE_URL') ?? readEnv('LITELLM_PROXY_API_BASE'),
    keyEnv: ['VOXFETCH_API_KEY', 'LITELLM_PROXY_API_KEY'],
  },
  azure: { provider: 'azure', baseURL: () => readEnv('AZURE_API_BASE'), keyEnv: ['AZURE_API_KEY'] },
  gemini: {
    provider: 'gemini',
    baseURL: () => 'https://generativelanguage.googleapis.com/v1beta',
    keyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  },
  vertex_ai: { provider: 'vertex_ai', baseURL: () => undefined },
}

/**
 * Decides where a model name goes, LiteLLM's way: `openai/tts-1` → OpenAI, `azure/<deployment>`,
 * `gemini/…`, `vertex_ai/…`, `groq/…` and other OpenAI-compatible prefixes; an alias from
 * `modelList` → its deployment; anything else is a proxy alias and needs a `baseURL`.
 */
export function resolveRoute(model: string, options: ClientOptions): Route {
  const entry = options.modelList?.find((candidate) => candidate.model_name === model)
  if (entry) return routeFromEntry(entry, options)
  return routeFromName(model, options, 'model')
}

function routeFromName(model: string, options: ClientOptions, field: string): Route {
  const slash = model.indexOf('/')
  const prefix = slash > 0 ? model.slice(0, slash) : ''
  const name = model.slice(slash + 1)
  const compatible = OPENAI_COMPATIBLE[prefix]
  if (compatible) {
    const baseURL = options.baseURL ?? compatible.baseURL
    if (!baseURL) throw new InvalidRequestError('baseURL', `is required for ${prefix}/ models`)
    return { provider: 'openai_compatible', model: name, baseURL, apiKey: options.apiKey ?? readEnv(compatible.keyEnv) }
  }
  const known = PROVIDERS[prefix]
  const defaults = known ?? PROVIDERS.litellm_proxy!
  const baseURL = options.baseURL ?? defaults.baseURL?.(options, name)
  const route: Route = {
    provider: defaults.provider,
    model: known ? name : model,
    baseURL: baseURL ?? '',
    apiKey: options.apiKey ?? firstEnv(defaults.keyEnv),
    apiVersion: options.apiVersion,
    vertexProject: options.vertexProject,
    vertexLocation: options.vertexLocation,
    maxFileSizeMB: options.maxFileSizeMB,
  }
  if (!baseURL && defaults.provider === 'proxy') {
    throw new InvalidRequestError(
      field,
      `"${model}" names no provider (such as openai/${model}), so it is sent to a LiteLLM proxy, ` +
        'but no baseURL is set (pass baseURL or set VOXFETCH_BASE_URL)',
    )
  }
  if (!baseURL && defaults.provider === 'azure') {
    throw new InvalidRequestError('baseURL', 'is required for azure/ models (the resource URL, or AZURE_API_BASE)')
  }
  return route
}

function routeFromEntry(entry: ModelListEntry, options: ClientOptions): Route {
  const params = entry.litellm_params
  const secret = (value: string | undefined) =>
    value?.startsWith('os.environ/') ? readEnv(value.slice('os.environ/'.length)) : value
  const route = routeFromName(params.model, {
    ...options,
    apiKey: secret(params.api_key) ?? options.apiKey,
    baseURL: secret(params.api_base) ?? options.baseURL,
    apiVersion: secret(params.api_version) ?? options.apiVersion,
    vertexProject: secret(params.vertex_project) ?? options.vertexProject,
    vertexLocation: secret(params.vertex_location) ?? options.vertexLocation,
  }, `modelList[${entry.model_name}].litellm_params.model`)
  // The proxy would enforce the entry's limit; a stricter one of the caller's also holds.
  const limits = [options.maxFileSizeMB, params.max_file_size_mb].filter((limit) => limit !== undefined)
  route.maxFileSizeMB = limits.length > 0 ? Math.min(...limits) : undefined
  return route
}

function firstEnv(names: string[] | undefined): string | undefined {
  for (const name of names ?? []) {
    const value = readEnv(name)
    if (value) return value
  }
  return undefined
}

/** Provider keys read by anyone who opens the page: refuse them in browsers unless opted in. */
export function assertKeyPolicy(route: Route, options: ClientOptions): void {
  if (!isBrowser() || options.dangerouslyAllowBrowser || route.provider === 'proxy' || !route.apiKey) return
  throw new InvalidRequestError(
    'dangerouslyAllowBrowser',
    `a ${route.provider} API key in a browser is readable by every visitor; call through a LiteLLM proxy ` +
      'with a virtual key, pass a short-lived token, or set dangerouslyAllowBrowser: true',
  )
}
