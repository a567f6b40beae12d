import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { defineConfig } from 'tsup'

const USE_CLIENT = /^(?:(["'])use strict\1;?\s*)?(["'])use client\2;?\s*/

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', react: 'react/index.ts', player: 'src/playback/index.ts', recorder: 'src/record/index.ts', dictation: 'src/dictation/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // dist/browser/ belongs to the second build below, which runs at the same time.
    clean: ['!browser/**'],
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    external: ['react', /^node:/],
    // Keep `node:` specifiers: Deno and Bun need them, and every supported Node has them.
    removeNodeProtocol: false,
    esbuildPlugins: [
      {
        // The hooks and dictation import the core as the package itself, so `voxfetch`, `voxfetch/react`
        // and `voxfetch/dictation` share one copy (one set of error classes, one default client) in CJS
        // as well as ESM; likewise `voxfetch/player`, `voxfetch/recorder` and `voxfetch/dictation`.
        name: 'entries-import-entries-as-packages',
        setup(build) {
          const entries: Record<string, string> = { '': 'voxfetch', 'playback/': 'voxfetch/player', 'record/': 'voxfetch/recorder', 'dictation/': 'voxfetch/dictation' }
          build.onResolve({ filter: /index\.ts$/ }, (args) => {
            if (!/[\\/](react|src[\\/]dictation)[\\/]/.test(args.importer)) return undefined
            const target = /[\\/]src[\\/]((?:playback|record|dictation)[\\/])?index\.ts$/.exec(join(args.resolveDir, args.path))
            const entry = target && entries[(target[1] ?? '').replace('\\', '/')]
            return entry ? { path: entry, external: true } : undefined
          })
        },
      },
    ],
    // React Server Components need the directive first in the hooks entry. esbuild keeps the
    // source's directive (after "use strict" in CJS); replace whatever it left with exactly one.
    async onSuccess() {
      for (const file of ['dist/react.js', 'dist/react.cjs']) {
        const code = (await readFile(file, 'utf8')).replace(USE_CLIENT, (_, strict?: string) => (strict ? '"use strict";\n' : ''))
        await writeFile(file, `'use client';\n${code}`)
      }
    },
  },
  {
    // The no-bundler build (`voxfetch/browser`, unpkg, jsDelivr): ofetch and zod/mini bundled in,
    // no bare and no `node:` imports, so `<script type="module">` loads it with no import map.
    // The Azure, Gemini and Vertex adapters stay lazy, as chunks next to it imported relatively.
    // The player and recorder are entries of the same build, so they share its chunks (one copy
    // of the error classes) and a page that only speaks never loads them.
    entry: { index: 'src/index.ts', player: 'src/playback/index.ts', recorder: 'src/record/index.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    dts: false,
    clean: true,
    splitting: true,
    minify: true,
    sourcemap: false,
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
    esbuildPlugins: [
      {
        // Reading a service-account file by path is Node-only; the browser copy holds no `node:`.
        name: 'browser-read-text-file',
        setup(build) {
          build.onResolve({ filter: /\/read-text-file\.ts$/ }, (args) => ({
            path: join(args.resolveDir, 'read-text-file.browser.ts'),
          }))
        },
      },
    ],
  },
])
