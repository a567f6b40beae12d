import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The plain page imports the no-bundler browser build from `/vendor/voxfetch/` (served by the
 * playground server from `dist/browser/`), as a page without a bundler would from a CDN: Vite
 * leaves that import as it is, in dev and in the build.
 */
const browserBuild: Plugin = {
  name: 'voxfetch-browser-build',
  enforce: 'pre',
  resolveId: (id) => (id.startsWith('/vendor/voxfetch/') ? { id, external: true } : undefined),
}

// The React page imports `voxfetch` and `voxfetch/react` as an app would; both resolve to the source.
export default defineConfig({
  root: here('.'),
  plugins: [browserBuild, react()],
  resolve: {
    alias: [
      { find: /^voxfetch\/react$/, replacement: here('../react/index.ts') },
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
