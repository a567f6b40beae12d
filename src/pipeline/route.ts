import { assertBaseURL, assertVertexLocation, assertVertexProject } from '../providers/endpoint-checks.ts'
import { isBrowser, readEnv } from '../util/env.ts'
import { InvalidRequestError } from '../errors/classes.ts'
import type { ProviderId, Route } from '../providers/types.ts'
import { lookup } from '../util/safe-lookup.ts'
import type { ClientOptions, ModelListEntry, ServiceAccount } from '../options/client-options.ts'

interface ProviderDefaults {
  provider: ProviderId
  baseURL?: (options: ClientOptions, model: string) => string | undefined
  keyEnv?: string[]
}

/**
 * `keyOptional`: LiteLLM lets these run without a key. BerriAI/litellm
 * litellm/llms/hosted_vllm/chat/transformation.py (_get_openai_compatible_provider_info) falls
 * back to "fake-api-key" ("vllm does not require an api key"); litellm/llms/openai_like/common_utils.py
 * (_validate_environment) refuses only when there is neither a key nor headers.
 */
const OPENAI_COMPATIBLE: Record<string, { baseURL?: string; keyEnv: string; keyOptional?: true }> = {
  groq: { baseURL: 'https://api.groq.com/openai/v1', keyEnv: 'GROQ_API_KEY' },
  fireworks_ai: { baseURL: 'https://api.fireworks.ai/inference/v1', keyEnv: 'FIREWORKS_AI_API_KEY' },
  deepinfra: { baseURL: 'https://api.deepinfra.com/v1/openai', keyEnv: 'DEEPINFRA_API_KEY' },
  together_ai: { baseURL: 'https://api.together.xyz/v1', keyEnv: 'TOGETHERAI_API_KEY' },
  hosted_vllm: { keyEnv: 'HOSTED_VLLM_API_KEY', keyOptional: true },
  openai_like: { keyEnv: 'OPENAI_LIKE_API_KEY', keyOptional: true },
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
  // Like the proxy's router, the first deployment of an alias is used.
  const index = options.modelList?.findIndex((candidate) => candidate.model_name === model) ?? -1
  if (index >= 0) return routeFromEntry(options.modelList![index]!, index, options)
  return routeFromName(model, options, 'model')
}

function routeFromName(model: string, options: ClientOptions, field: string, baseField = 'baseURL'): Route {
  const slash = model.indexOf('/')
  const prefix = slash > 0 ? model.slice(0, slash) : ''
  const name = model.slice(slash + 1)
  const compatible = lookup(OPENAI_COMPATIBLE, prefix)
  if (compatible) {
    const baseURL = options.baseURL ?? compatible.baseURL
    if (!baseURL) throw new InvalidRequestError(baseField, `is required for ${prefix}/ models`)
    assertBaseURL(baseURL, baseField)
    const apiKey = options.apiKey ?? readEnv(compatible.keyEnv)
    return {
      provider: 'openai_compatible', model: name, baseURL, apiKey, maxFileSizeMB: options.maxFileSizeMB,
      keyRequiredFor: compatible.keyOptional ? undefined : `${prefix}/ models (pass apiKey, or set ${compatible.keyEnv})`,
    }
  }
  const known = lookup(PROVIDERS, prefix)
  const defaults = known ?? PROVIDERS.litellm_proxy!
  const baseURL = options.baseURL ?? defaults.baseURL?.(options, name)
  if (baseURL) assertBaseURL(baseURL, options.baseURL === undefined ? ENV_BASE_FIELD[defaults.provider] ?? baseField : baseField)
  const route: Route = {
    provider: defaults.provider,
    model: known ? name : model,
    baseURL: baseURL ?? '',
    apiKey: options.apiKey ?? firstEnv(defaults.keyEnv),
    maxFileSizeMB: options.maxFileSizeMB,
  }
  // An explicit Entra ID token stands in for an Azure key.
  if (known?.keyEnv && route.provider !== 'proxy' && !options.azureAdToken && !options.azureAdTokenProvider) {
    route.keyRequiredFor = `${prefix}/ models (pass apiKey, or set ${known.keyEnv.join(' or ')})`
  }
  if (route.provider === 'azure') {
    route.apiVersion = options.apiVersion ?? readEnv('AZURE_API_VERSION')
    // An explicit Entra ID token is what gets sent; a key from the environment is not.
    if (options.azureAdToken || options.azureAdTokenProvider) route.apiKey = undefined
  }
  if (route.provider === 'vertex_ai') {
    // Vertex takes OAuth tokens only (resolved in credentials.ts), never an API key.
    route.apiKey = undefined
    route.vertexProject = options.vertexProject ?? readEnv('VERTEXAI_PROJECT')
    route.vertexLocation = options.vertexLocation ?? readEnv('VERTEXAI_LOCATION')
    route.vertexCredentials = options.vertexCredentials
    // The location becomes part of a host name: only a region's shape gets there.
    assertVertexLocation(route.vertexLocation, options.vertexLocation === undefined ? 'VERTEXAI_LOCATION' : 'vertexLocation')
    assertVertexProject(route.vertexProject, options.vertexProject === undefined ? 'VERTEXAI_PROJECT' : 'vertexProject')
  }
  if (!baseURL && defaults.provider === 'proxy') {
    throw new InvalidRequestError(
      field,
      `"${model}" names no provider (such as openai/${model}), so it is sent to a LiteLLM proxy, ` +
        'but no baseURL is set (pass baseURL or set VOXFETCH_BASE_URL)',
    )
  }
  if (!baseURL && defaults.provider === 'azure') {
    throw new InvalidRequestError(baseField, 'is required for azure/ models (the resource URL, or AZURE_API_BASE)')
  }
  return route
}

/** Where a base URL came from when no option set it, for error messages. */
const ENV_BASE_FIELD: Partial<Record<ProviderId, string>> = {
  openai: 'OPENAI_BASE_URL',
  proxy: 'VOXFETCH_BASE_URL',
  azure: 'AZURE_API_BASE',
}

const ENTRY_ENV_FIELDS = ['api_key', 'api_base', 'api_version', 'vertex_project', 'vertex_location', 'vertex_credentials'] as const

/**
 * A `model_list` entry as the proxy would use it: `os.environ/NAME` values read from the
 * environment, the entry's own base, key, version and Vertex settings over the client's.
 * Errors name the entry by its index and the field, e.g. `modelList[2].litellm_params.api_key`.
 */
function routeFromEntry(entry: ModelListEntry, index: number, options: ClientOptions): Route {
  const params = entry.litellm_params
  const field = (name: string) => `modelList[${index}].litellm_params.${name}`
  const values: Partial<Record<(typeof ENTRY_ENV_FIELDS)[number], string | ServiceAccount>> = {}
  for (const name of ENTRY_ENV_FIELDS) {
    const value = params[name]
    if (typeof value !== 'string' || !value.startsWith('os.environ/')) {
      values[name] = value
      continue
    }
    const variable = value.slice('os.environ/'.length)
    const resolved = readEnv(variable)
    if (resolved === undefined) {
      throw new InvalidRequestError(field(name), `refers to the environment variable ${variable}, which is not set${isBrowser() ? ' (browsers have no environment)' : ''}`)
    }
    values[name] = resolved
  }
  const text = (name: (typeof ENTRY_ENV_FIELDS)[number]) => values[name] as string | undefined
  const apiBase = text('api_base')
  if (apiBase !== undefined) assertBaseURL(apiBase, field('api_base'))
  assertVertexLocation(text('vertex_location'), field('vertex_location'))
  assertVertexProject(text('vertex_project'), field('vertex_project'))
  const route = routeFromName(params.model, {
    ...options,
    // An entry pointing elsewhere never gets the caller's key (say a proxy virtual key): like the
    // proxy, it falls back to the provider's environment variable.
    apiKey: text('api_key') ?? (apiBase === undefined ? options.apiKey : undefined),
    baseURL: apiBase ?? options.baseURL,
    apiVersion: text('api_version') ?? options.apiVersion,
    vertexProject: text('vertex_project') ?? options.vertexProject,
    vertexLocation: text('vertex_location') ?? options.vertexLocation,
    vertexCredentials: values.vertex_credentials ?? options.vertexCredentials,
  }, field('model'), field('api_base'))
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

/**
 * A provider that needs a key and has none fails here, before any request, as openai-node does
 * (openai/openai-node src/client.ts: the constructor throws when apiKey is missing) and as
 * LiteLLM does for the providers it hands to the OpenAI SDK.
 */
export function assertKeyPresent(route: Route): void {
  if (route.keyRequiredFor && !route.apiKey) throw new InvalidRequestError('apiKey', `is required for ${route.keyRequiredFor}`)
}

/** Provider keys read by anyone who opens the page: refuse them in browsers unless opted in. */
export function assertKeyPolicy(route: Route, options: ClientOptions): void {
  if (!isBrowser()) return
  if (route.vertexCredentials !== undefined) {
    throw new InvalidRequestError(
      'vertexCredentials',
      'a service-account key must never reach a browser: mint a short-lived token on your server and pass it as accessToken',
    )
  }
  if (options.dangerouslyAllowBrowser || route.provider === 'proxy' || !route.apiKey) return
  throw new InvalidRequestError(
    'dangerouslyAllowBrowser',
    `an API key for ${route.provider} in a browser is readable by every visitor; call through a LiteLLM proxy ` +
      'with a virtual key, pass a short-lived token, or set dangerouslyAllowBrowser: true',
  )
}
