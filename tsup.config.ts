import { readFile, writeFile } from 'node:fs/promises'
import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node/index.ts', react: 'react/index.ts', player: 'src/playback/index.ts', recorder: 'src/record/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
  platform: 'neutral',
  external: ['react', /^node:/],
  // Keep `node:` specifiers: Deno and Bun need them, and every supported Node has them.
  removeNodeProtocol: false,
  esbuildPlugins: [
    {
      // The hooks import the core as the package itself, so `voxfetch` and `voxfetch/react` share
      // one copy (one set of error classes, one default client) in CJS as well as ESM.
      name: 'react-entry-imports-core-package',
      setup(build) {
        build.onResolve({ filter: /\/src\/index\.ts$/ }, (args) =>
          /[\\/]react[\\/]/.test(args.importer) ? { path: 'voxfetch', external: true } : undefined,
        )
        // Likewise `voxfetch/player` and `voxfetch/recorder`: one copy, loaded by the hooks that use them.
        build.onResolve({ filter: /\/src\/(playback|record)\/index\.ts$/ }, (args) =>
          /[\\/]react[\\/]/.test(args.importer)
            ? { path: args.path.includes('playback') ? 'voxfetch/player' : 'voxfetch/recorder', external: true }
            : undefined,
        )
      },
    },
  ],
  // Bundlers drop module directives; React Server Components need this one on the hooks entry.
  async onSuccess() {
    for (const file of ['dist/react.js', 'dist/react.cjs']) {
      await writeFile(file, `'use client';\n${await readFile(file, 'utf8')}`)
    }
  },
})
