import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { ROOT } from './paths.ts'
import type { PackedPackage } from './packed-package.ts'
import { type VoxfetchSource, voxfetchPlugin } from './voxfetch-plugin.ts'

export interface BundleSize {
  /** Bytes of minified code loaded up front: the entry chunk and what it imports statically. */
  minified: number
  /** The same after `gzip -9`, chunk by chunk. */
  gzip: number
  /** gzip bytes of chunks loaded only on demand (`import()`: the Azure, Gemini and Vertex code). */
  lazyGzip: number
  /** Minified bytes each input file contributes up front, keyed by path from the root. */
  inputs: Record<string, number>
}

/**
 * Bundles `code` the way an app's production build would for browsers: ESM with code splitting,
 * minified, tree-shaken, `NODE_ENV=production`, license comments dropped (they are not shipped
 * code). React stays external: an app using the hooks already ships it. Dynamic imports become
 * chunks of their own, counted apart from what the page loads up front.
 */
export async function measureBundle(code: string, source: VoxfetchSource | PackedPackage = 'dist'): Promise<BundleSize> {
  // An installed package is found the ordinary way, from an app folder whose node_modules holds
  // it; its own dependencies come from the repository's node_modules.
  const packed = typeof source === 'object' ? source : undefined
  const result = await build({
    stdin: { contents: code, resolveDir: packed?.appDir ?? ROOT, sourcefile: 'app.js', loader: 'js' },
    nodePaths: packed ? [join(ROOT, 'node_modules')] : [],
    bundle: true,
    splitting: true,
    write: false,
    outdir: 'bundle-size.out',
    format: 'esm',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    metafile: true,
    logLevel: 'silent',
    plugins: packed ? [] : [voxfetchPlugin(source as VoxfetchSource)],
  })
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'))
  const contents = new Map(result.outputFiles.map((file) => [relative(ROOT, file.path), file.contents]))
  // The app's own chunk: chunks loaded by `import()` carry an entryPoint too, so match the stdin one.
  const entry = outputs.find(([, output]) => output.entryPoint === '<stdin>' || /(^|\/)app\.js$/.test(output.entryPoint ?? ''))![0]
  const eager = new Set<string>()
  for (const pending = [entry]; pending.length > 0; ) {
    const path = pending.pop()!
    if (eager.has(path)) continue
    eager.add(path)
    for (const imported of result.metafile.outputs[path]!.imports) if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path)
  }
  const inputs: Record<string, number> = {}
  let minified = 0
  let gzip = 0
  let lazyGzip = 0
  for (const [path, output] of outputs) {
    const bytes = contents.get(path)!
    const zipped = gzipSync(bytes, { level: 9 }).byteLength
    if (!eager.has(path)) {
      lazyGzip += zipped
      continue
    }
    minified += bytes.byteLength
    gzip += zipped
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0) inputs[input] = (inputs[input] ?? 0) + bytesInOutput
    }
  }
  return { minified, gzip, lazyGzip, inputs }
}

/** `node_modules/@scope/name/…` → `@scope/name`; own files keep their path. */
export function packageOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  return match ? match[1]! : path
}
