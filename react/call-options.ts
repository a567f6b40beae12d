import type { VoxfetchClient } from '../src/index.ts'
import { getDefaultClient } from './provider.tsx'

/** Options only the hooks read; everything else goes to the client call as is. */
const HOOK_ONLY = new Set(['client', 'onSuccess', 'onError', 'accept', 'stream'])

/**
 * The client and the call parameters for one request: per-call overrides over hook options
 * (an override left `undefined` keeps the hook's value), hook-only options removed.
 */
export function resolveCall(
  options: object & { client?: VoxfetchClient | undefined },
  provided: VoxfetchClient | undefined,
  overrides: object | undefined,
): { client: VoxfetchClient; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {}
  for (const source of [options, overrides ?? {}]) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined && !HOOK_ONLY.has(key)) params[key] = value
    }
  }
  return { client: options.client ?? provided ?? getDefaultClient(), params }
}
