import { rememberSecrets } from '../errors/answer-secrets.ts'
import { toAPIError } from '../errors/from-response.ts'
import { resolveCredential, staticCredential } from '../auth/credential.ts'
import type { Credential } from '../auth/token-function.ts'
import { isAPIError } from '../errors/classes.ts'
import { assertHeaders, assertHeaderValue } from '../transport/headers.ts'
import { mergeHeaders } from '../util/merge-headers.ts'
import { adapterFor } from '../providers/registry.ts'
import type { BuiltRequest, ProviderAdapter, RequestContext, Route } from '../providers/types.ts'
import { assertKeyPolicy, assertKeyPresent, resolveRoute } from './route.ts'
import type { ClientOptions, UploadProgress } from '../options/client-options.ts'
import type { Warning } from '../providers/types.ts'
import { createDeadline, type Deadline } from '../transport/deadline.ts'
import { send } from '../transport/send.ts'

const DEFAULT_TIMEOUT_MS = 600_000
const DEFAULT_MAX_RETRIES = 2

/** Options of one call once client options and call options are merged. */
export type CallOptions = ClientOptions & {
  signal?: AbortSignal | undefined
  onUploadProgress?: ((progress: UploadProgress) => void) | undefined
}

export interface Planned {
  route: Route
  adapter: ProviderAdapter
}

/**
 * Routing and the key policy: where a call goes, decided before any request. Synchronous for
 * the adapters that are always loaded (OpenAI's format: proxies and most calls).
 */
export function plan(model: string, options: CallOptions): Planned | Promise<Planned> {
  const route = resolveRoute(model, options)
  assertKeyPolicy(route, options)
  assertKeyPresent(route)
  const adapter = adapterFor(route.provider)
  // A then check, not instanceof: a Promise from another realm (or a zone.js one) is one too.
  return 'then' in adapter ? adapter.then((loaded) => ({ route, adapter: loaded })) : { route, adapter }
}

export interface Exchange {
  response: Response
  warnings: Warning[]
  deadline: Deadline
}

/**
 * Resolves the credential, builds the request and sends it with retries under one deadline.
 * The deadline stays armed for the body: whoever reads the body disposes of it.
 */
export async function exchange(
  { route }: Planned,
  options: CallOptions,
  build: (context: RequestContext) => BuiltRequest,
): Promise<Exchange> {
  const deadline = createDeadline(options.timeout ?? DEFAULT_TIMEOUT_MS, options.signal)
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES
  // Values of caller headers named like credentials count as secrets too.
  const secrets = options.headers ? [route.apiKey, ...credentialHeaderValues(options.headers)] : [route.apiKey]
  const known = () => secrets.filter((secret): secret is string => !!secret)
  const context = (credential: Credential, vertexProject = credential.vertexProject): RequestContext => ({
    route: vertexProject && !route.vertexProject ? { ...route, vertexProject } : route,
    credential: credential.value,
    credentialKind: credential.kind,
    headers: mergeHeaders(options.headers),
    organization: options.organization,
    project: options.project,
  })
  // A send after a token refresh numbers its attempts on from the first send's.
  let attemptsBefore = 0
  let lastAttempt = 0
  const onUploadProgress = options.onUploadProgress && ((progress: UploadProgress) => {
    lastAttempt = attemptsBefore + progress.attempt
    options.onUploadProgress!({ ...progress, attempt: lastAttempt })
  })
  const attempt = async (credential: Credential) => {
    attemptsBefore = lastAttempt
    secrets.push(credential.value)
    const { request, warnings } = build(context(credential))
    const response = await send(request, {
      deadline,
      maxRetries,
      fetch: options.fetch,
      onUploadProgress,
      toError: (failed, body) => toAPIError(failed, body, route.provider, known()),
    })
    rememberSecrets(response, known())
    return { response, warnings, deadline }
  }
  try {
    if (deadline.signal.aborted) throw deadline.abortError()
    assertHeaders(options.headers ?? {}, 'headers')
    for (const field of HEADER_OPTIONS) assertHeaderValue(options[field], field)
    assertHeaderValue(route.apiKey, 'apiKey')
    // Builders also check the input (formats, voices, limits). Run them once before a token is
    // fetched or a token function called, so bad input never costs a request. A static key
    // needs no such pass: the build in `attempt` runs first.
    const fixed = staticCredential(route)
    if (!fixed) build(context({ value: 'unresolved', kind: 'token' }, 'unresolved'))
    const credential = fixed ?? (await resolveCredential(route, options, { deadline, maxRetries, fetch: options.fetch }))
    try {
      return await attempt(credential)
    } catch (error) {
      // An expired or revoked token: fetch a fresh one and try once more.
      if (!credential.refresh || !isAPIError(error) || error.status !== 401) throw error
      return await attempt(await credential.refresh())
    }
  } catch (error) {
    deadline.dispose()
    throw error
  }
}

const HEADER_OPTIONS = ['organization', 'project', 'azureAdToken'] as const
const CREDENTIAL_HEADER = /auth|key|token|secret|cookie|password|signature/i

function credentialHeaderValues(headers: Record<string, string> | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([name]) => CREDENTIAL_HEADER.test(name))
    .flatMap(([, value]) => [value, value.replace(/^\w+\s+/, '')])
}

/**
 * Merges call options over client options; `undefined` erases nothing. Headers add up, names
 * compared without case: a per-call `Authorization` replaces the client's.
 */
export function mergeOptions<T extends object>(client: ClientOptions, call: T): ClientOptions & T {
  // Object.assign and a key loop: a spread and Object.entries took ten times as long here.
  const merged: Record<string, unknown> = Object.assign({}, client)
  for (const key of Object.keys(call)) {
    const value = (call as Record<string, unknown>)[key]
    if (value !== undefined) merged[key] = value
  }
  // Headers add up: a per-call trace header must not drop the client's tenant header.
  if (client.headers || (call as ClientOptions).headers) merged.headers = mergeHeaders(client.headers, (call as ClientOptions).headers)
  return merged as ClientOptions & T
}
