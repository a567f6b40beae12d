import { readFile } from 'node:fs/promises'
import * as z from 'zod/mini'
import { InvalidRequestError } from '../errors/classes.ts'
import { withoutUnsafeKeys } from '../util/safe-lookup.ts'
import { type ClientOptions, clientOptionsShape } from '../options/client-options.ts'
import { validate } from '../options/validate.ts'

/** What `loadConfig` returns: options to hand to `createClient` as they are. */
export type LoadedConfig = Pick<ClientOptions, 'modelList' | 'timeout' | 'maxRetries'>

export interface LoadConfigOptions {
  /** Where `os.environ/NAME` values are read. @default process.env */
  env?: Record<string, string | undefined>
}

const loadedSchema = z.object({
  modelList: clientOptionsShape.modelList,
  timeout: clientOptionsShape.timeout,
  maxRetries: clientOptionsShape.maxRetries,
})

/**
 * Reads a LiteLLM proxy `config.yaml` (or `.json`) so its aliases work without the proxy:
 * `createClient(await loadConfig('config.yaml'))`. `os.environ/NAME` values in `litellm_params`
 * are read from the environment; one naming an unset variable is left as it is and reported,
 * naming the entry and field, only if that alias is used. `litellm_settings.request_timeout`
 * (seconds) becomes `timeout`, `num_retries` (litellm or router settings) `maxRetries`.
 *
 * YAML needs the `yaml` package (`npm install yaml`); JSON configs need nothing.
 */
export async function loadConfig(path: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const text = await readFile(path, 'utf8')
  // A config is data: keys that could reach a prototype are dropped at every depth.
  const document = withoutUnsafeKeys(/\.json$/i.test(path) ? parseJSON(text, path) : await parseYAML(text, path))
  if (!isRecord(document) || !Array.isArray(document.model_list)) {
    throw new InvalidRequestError('model_list', `${path} has no model_list: is it a LiteLLM proxy config?`)
  }
  const env = options.env ?? process.env
  const modelList = document.model_list.map((entry) => withEnvironment(entry, env))
  const settings = { ...record(document.router_settings), ...record(document.litellm_settings) }
  const seconds = settings.request_timeout
  const loaded = {
    modelList,
    ...(typeof seconds === 'number' && { timeout: seconds * 1000 }),
    ...(settings.num_retries !== undefined && settings.num_retries !== null && { maxRetries: settings.num_retries }),
  }
  try {
    return validate(loadedSchema, loaded) as LoadedConfig
  } catch (error) {
    if (!(error instanceof InvalidRequestError)) throw error
    const field = error.field.replace(/^modelList/, 'model_list').replace(/^timeout$/, 'litellm_settings.request_timeout').replace(/^maxRetries$/, 'num_retries')
    throw new InvalidRequestError(field, `${error.message.slice(error.field.length + 2)} (in ${path})`)
  }
}

/** `os.environ/NAME` → the variable's value where it is set; everything else unchanged. */
function withEnvironment(entry: unknown, env: Record<string, string | undefined>): unknown {
  if (!isRecord(entry) || !isRecord(entry.litellm_params)) return entry
  const params: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(entry.litellm_params)) {
    const variable = typeof value === 'string' && value.startsWith('os.environ/') ? value.slice('os.environ/'.length) : undefined
    const resolved = variable === undefined ? undefined : env[variable]?.trim()
    params[key] = resolved || value
  }
  return { ...entry, litellm_params: params }
}

async function parseYAML(text: string, path: string): Promise<unknown> {
  let yaml: { parse(text: string): unknown }
  try {
    // An optional peer, resolved at run time from the app's own dependencies (never bundled).
    const specifier = 'yaml'
    yaml = (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as typeof yaml
  } catch (error) {
    throw new InvalidRequestError('path', `reading ${path} needs the "yaml" package: npm install yaml (or pass a .json config)`, { cause: error })
  }
  try {
    return yaml.parse(text)
  } catch (error) {
    throw new InvalidRequestError('path', `${path} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}

function parseJSON(text: string, path: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new InvalidRequestError('path', `${path} is not valid JSON`, { cause: error })
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {})
