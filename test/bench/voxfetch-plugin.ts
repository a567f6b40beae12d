import { join } from 'node:path'
import type { Plugin } from 'esbuild'
import { ROOT } from './paths.ts'

/** Which voxfetch a bundle gets: the build users install, or the sources (for per-file figures). */
export type VoxfetchSource = 'dist' | 'src'

const ENTRIES: Record<VoxfetchSource, Record<string, string>> = {
  dist: {
    voxfetch: 'dist/index.js', 'voxfetch/react': 'dist/react.js', 'voxfetch/node': 'dist/node.js',
    'voxfetch/player': 'dist/player.js', 'voxfetch/recorder': 'dist/recorder.js', 'voxfetch/dictation': 'dist/dictation.js',
  },
  src: {
    voxfetch: 'src/index.ts', 'voxfetch/react': 'react/index.ts', 'voxfetch/node': 'src/node/index.ts',
    'voxfetch/player': 'src/playback/index.ts', 'voxfetch/recorder': 'src/record/index.ts', 'voxfetch/dictation': 'src/dictation/index.ts',
  },
}

/** Resolves `voxfetch` and its subpaths (`react`, `node`, `player`, `recorder`, `dictation`) the way an installed package would. */
export function voxfetchPlugin(source: VoxfetchSource): Plugin {
  return {
    name: 'voxfetch',
    setup(build) {
      build.onResolve({ filter: /^voxfetch(\/(react|node|player|recorder|dictation))?$/ }, (args) => ({ path: join(ROOT, ENTRIES[source][args.path]!) }))
    },
  }
}
