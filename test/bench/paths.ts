import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The repository root, where package.json and dist/ live. */
export const ROOT = resolve(import.meta.dirname, '../..')
export const BENCH_DIR = join(ROOT, 'test/bench')

export type Entry = 'index' | 'node' | 'react' | 'player' | 'recorder' | 'dictation'

/** A built entry (`dist/index.js`, …): the package as users install it. */
export const distFile = (entry: Entry): string => join(ROOT, 'dist', `${entry}.js`)

export const hasDist = (entry: Entry): boolean => existsSync(distFile(entry))

export const REACT_ABSENT = 'dist/react.js absent (the React entry is not built yet)'
