import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// The pages import `voxfetch` and `voxfetch/react` as an app would; both resolve to the source.
export default defineConfig({
  root: here('.'),
  plugins: [react()],
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
