/** True in a browser page or worker, where nothing is secret and `process` is not read. */
export function isBrowser(): boolean {
  const scope = globalThis as { document?: unknown; importScripts?: unknown }
  return typeof scope.document === 'object' || typeof scope.importScripts === 'function'
}

/** An environment variable on server runtimes (Node, Bun, Deno's `process`); never in a browser. */
export function readEnv(name: string): string | undefined {
  if (isBrowser()) return undefined
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
  return process?.env?.[name]?.trim() || undefined
}
