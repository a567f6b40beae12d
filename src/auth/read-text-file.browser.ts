/**
 * `readTextFile` in the no-bundler browser build (dist/browser), which must hold no `node:`
 * specifier at all. Browsers have no files to read by path; callers refuse that path earlier.
 */
export async function readTextFile(): Promise<string> {
  throw new Error('files cannot be read by path in a browser')
}
