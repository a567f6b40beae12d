import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The plain page imports the no-bundler browser build from `/vendor/voxfetch/` (served by the
 * playground server from `dist/browser/`), as a page without a bundler would from a CDN: Vite
 * leaves that import as it is, in dev and in the build.
 */
const VENDOR = '/vendor/voxfetch/'
const browserBuild: Plugin = {
  name: 'voxfetch-browser-build',
  enforce: 'pre',
  resolveId(id, importer) {
    if (id.startsWith(VENDOR)) return { id, external: true }
    // The build's own chunks, imported relatively from inside it.
    if (importer?.startsWith(VENDOR) && id.startsWith('./')) return { id: VENDOR + id.slice(2), external: true }
    return undefined
  },
  // Dev only: Vite pre-transforms what a module imports; the playground server answers the
  // browser's own request for these files before Vite sees it, from the same dist/browser.
  load: (id) => (id.startsWith(VENDOR) ? readFile(here(`../dist/browser/${id.slice(VENDOR.length)}`), 'utf8').catch(() => '') : undefined),
}

// The React page imports `voxfetch`, `voxfetch/react` and `voxfetch/recorder` as an app would; they resolve to the source.
export default defineConfig({
  root: here('.'),
  plugins: [browserBuild, react()],
  resolve: {
    alias: [
      { find: /^voxfetch\/react$/, replacement: here('../react/index.ts') },
      { find: /^voxfetch\/recorder$/, replacement: here('../src/record/index.ts') },
      { find: /^voxfetch$/, replacement: here('../src/index.ts') },
    ],
  },
  optimizeDeps: { include: ['react', 'react/jsx-dev-runtime', 'react-dom/client'] },
  server: {
    fs: { allow: [here('..')] },
    // Transformed while `npm start` boots, so the first page load is quick.
    warmup: { clientFiles: ['./src/main.tsx', './plain/main.js'] },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    reportCompressedSize: false,
    rolldownOptions: { input: { main: here('index.html'), plain: here('plain.html') } },
  },
})
