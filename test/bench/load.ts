import { pathToFileURL } from 'node:url'
import type * as Core from '../../src/index.ts'
import type * as NodeHelpers from '../../src/node/index.ts'
import { distFile, hasDist } from './paths.ts'

export type VoxfetchCore = typeof Core
export type VoxfetchNode = typeof NodeHelpers

/**
 * The built package, imported at run time so the bench measures what users install, while
 * type-checking against the sources (which needs no build).
 */
export async function loadCore(dist?: string): Promise<VoxfetchCore> {
  return import(pathToFileURL(dist ? `${dist}/index.js` : built('index')).href)
}

export async function loadNodeHelpers(dist?: string): Promise<VoxfetchNode> {
  return import(pathToFileURL(dist ? `${dist}/node.js` : built('node')).href)
}

function built(entry: 'index' | 'node'): string {
  if (!hasDist(entry)) throw new Error(`dist/${entry}.js is missing: run \`npm run build\` first`)
  return distFile(entry)
}
