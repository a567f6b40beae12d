import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type OutputFile } from 'esbuild'
import type { PackedPackage } from './packed-package.ts'
import { ROOT } from './paths.ts'
import { type VoxfetchSource, voxfetchPlugin } from './voxfetch-plugin.ts'

/** One output file of an app's production build. */
export interface Chunk {
  file: string
  gzip: number
  minified: number
  /** Which fetch wave brings it in when the page gives no preload hints (the app's chunk is wave 1). */
  wave: number
}

/** A chunk behind `import()` that the measured call does not load, with what it needs beyond the page. */
export interface LazyPiece {
  /** The module that `import()` names, e.g. `dist/azure-….js` → `azure`. */
  name: string
  /** gzip bytes it adds when it loads: its own chunk and the shared chunks not already on the page. */
  gzip: number
  /** Sequential fetches from the moment the call asks for it. */
  waves: number
}

export interface FirstResult {
  /** Every chunk the page downloads before the call's first result. */
  chunks: Chunk[]
  gzip: number
  minified: number
  /** Sequential round trips without preload hints: the depth of the static chunk graph. */
  waves: number
  /**
   * Round trips where the page preloads its entry's static imports (Vite's HTML does, with
   * `<link rel="modulepreload">`): 1 when the call needs no `import()`.
   */
  wavesWithPreload: number
  lazy: LazyPiece[]
  /** Minified bytes each input file contributes to the downloaded chunks, keyed by path from the root. */
  inputs: Record<string, number>
}

export interface BuildOutput {
  metafile: Metafile
  files: Map<string, Uint8Array>
  entry: string
}

/**
 * Builds `code` the way an app's production build would for browsers (ESM, code splitting,
 * minified, tree-shaken, `NODE_ENV=production`, legal comments dropped; react external, as the
 * app ships it) and returns the outputs with esbuild's metafile.
 */
export async function buildApp(code: string, source: VoxfetchSource | PackedPackage = 'dist', options: { splitting?: boolean; outdir?: string; write?: boolean } = {}): Promise<BuildOutput> {
  const packed = typeof source === 'object' ? source : undefined
  const outdir = options.outdir ?? join(ROOT, 'first-result.out')
  const result = await build({
    stdin: { contents: code, resolveDir: packed?.appDir ?? ROOT, sourcefile: 'app.js', loader: 'js' },
    nodePaths: packed ? [join(ROOT, 'node_modules')] : [],
    bundle: true,
    splitting: options.splitting ?? true,
    write: options.write ?? false,
    outdir,
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
  const files = new Map<string, Uint8Array>((result.outputFiles ?? []).map((file: OutputFile) => [relative(ROOT, file.path), file.contents]))
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'))
  const entry = outputs.find(([, output]) => output.entryPoint === '<stdin>' || /(^|\/)app\.js$/.test(output.entryPoint ?? ''))![0]
  return { metafile: result.metafile, files, entry }
}

/** Chunks reached by static imports from `roots`, each with the wave that brings it in. */
function staticClosure(metafile: Metafile, roots: string[], firstWave: number, known = new Map<string, number>()): Map<string, number> {
  const waves = new Map<string, number>()
  let frontier = roots.filter((root) => !known.has(root))
  for (let wave = firstWave; frontier.length > 0; wave++) {
    for (const path of frontier) waves.set(path, wave)
    frontier = [...new Set(frontier.flatMap((path) => metafile.outputs[path]!.imports
      .filter((imported) => imported.kind === 'import-statement' && !imported.external)
      .map((imported) => imported.path)
      .filter((path) => !waves.has(path) && !known.has(path))))]
  }
  return waves
}

/** `dist/azure-LZKJ6EZO.js` or `src/providers/azure.ts` → `azure`. */
const pieceName = (entryPoint: string) => entryPoint.replace(/^.*\//, '').replace(/(-[A-Z0-9]{8})?\.(js|ts)$/, '')

/**
 * What a page downloads before the first result of a call that loads no `import()` chunk (a
 * proxy or OpenAI-compatible call; checked by test/package/bundle-size.test.ts, which runs the
 * call with every lazy chunk deleted): the app's chunk and everything it imports statically.
 * The chunks behind `import()` are reported apart, each with what it would add.
 */
export function firstResult({ metafile, files, entry }: BuildOutput): FirstResult {
  const size = (path: string) => {
    const bytes = files.get(path)
    return { minified: bytes?.byteLength ?? metafile.outputs[path]!.bytes, gzip: bytes ? gzipSync(bytes, { level: 9 }).byteLength : 0 }
  }
  const eager = staticClosure(metafile, [entry], 1)
  const chunks = [...eager].map(([file, wave]) => ({ file, wave, ...size(file) }))
  const inputs: Record<string, number> = {}
  for (const file of eager.keys()) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file]!.inputs)) {
      if (bytesInOutput > 0) inputs[input] = (inputs[input] ?? 0) + bytesInOutput
    }
  }
  const lazy = Object.entries(metafile.outputs)
    .filter(([path, output]) => path.endsWith('.js') && !eager.has(path) && output.entryPoint && output.entryPoint !== '<stdin>')
    .map(([path, output]) => {
      const added = staticClosure(metafile, [path], 1, eager)
      return {
        name: pieceName(output.entryPoint!),
        gzip: [...added.keys()].reduce((sum, file) => sum + size(file).gzip, 0),
        waves: Math.max(...added.values()),
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
  return {
    chunks,
    gzip: chunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
    minified: chunks.reduce((sum, chunk) => sum + chunk.minified, 0),
    waves: Math.max(...eager.values()),
    wavesWithPreload: 1,
    lazy,
    inputs,
  }
}

/** `node_modules/@scope/name/…` → `@scope/name`; own files keep their path. */
export function packageOf(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  return match ? match[1]! : path
}

/** The same call built as one file (no code splitting): everything, lazy pieces included. */
export async function singleChunk(code: string, source: VoxfetchSource | PackedPackage = 'dist'): Promise<number> {
  const { files } = await buildApp(code, source, { splitting: false })
  return [...files.values()].reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).byteLength, 0)
}

export async function measureFirstResult(code: string, source: VoxfetchSource | PackedPackage = 'dist'): Promise<FirstResult> {
  return firstResult(await buildApp(code, source))
}
