type FsPromises = { readFile(path: string, encoding: 'utf8'): Promise<string> }

/**
 * Reads a small text file on server runtimes. The core imports no Node module, so browser
 * bundles never see one: `process.getBuiltinModule` (Node >= 20.16, Deno, Bun) needs no import
 * at all; older Node gets a dynamic import whose specifier bundlers are told to leave alone.
 * Callers refuse this path in browsers before reaching it.
 */
export async function readTextFile(path: string): Promise<string> {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  const fs = (process?.getBuiltinModule?.('node:fs/promises') as FsPromises | undefined) ?? (await importFs())
  return fs.readFile(path, 'utf8')
}

function importFs(): Promise<FsPromises> {
  const specifier = 'node:fs/promises'
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<FsPromises>
}
