import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const react18 = (name: string) => fileURLToPath(new URL(`./test/react18/node_modules/${name}`, import.meta.url))

// Real-time audio, Chromium's fake microphone and loopback timings can miss on a loaded 2-core
// machine (CI runs the whole suite at once); a test that fails is run again, at most twice, and
// vitest reports every retry. A test that fails three times is a failure.
const RETRY = 2

export default defineConfig({
  test: {
    // Vitest's default is one worker per core but one: on two cores, one in all, so every file
    // waited for the last. The browser files spend most of their time playing audio in real time
    // (the run used ~1.1 of 2 cores with two workers): three cut the run from 349 s to 298 s with
    // every test passing; four were slower (308 s) and starved the fake microphone's real time.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/package/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/emulator-tests/**/*.test.ts', 'test/fidelity/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          setupFiles: ['test/setup/secrets-guard.ts'],
          testTimeout: 30_000,
          retry: RETRY,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'react',
          include: ['test/react/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/setup/secrets-guard.ts', 'test/react/setup.ts'],
          env: { EXPECTED_REACT_MAJOR: '19' },
          testTimeout: 30_000,
          retry: RETRY,
          hookTimeout: 60_000,
        },
      },
      {
        // The same hook tests against React 18 (installed under test/react18 as a workspace).
        resolve: {
          alias: [
            { find: /^react$/, replacement: react18('react') },
            { find: /^react\/(.*)$/, replacement: `${react18('react')}/$1` },
            { find: /^react-dom$/, replacement: react18('react-dom') },
            { find: /^react-dom\/(.*)$/, replacement: `${react18('react-dom')}/$1` },
            // Testing Library's CJS main would `require` React 19 past the aliases; its ESM build is
            // transformed by Vite, so its React imports are aliased too.
            { find: /^@testing-library\/react$/, replacement: fileURLToPath(new URL('./node_modules/@testing-library/react/dist/@testing-library/react.esm.js', import.meta.url)) },
          ],
        },
        test: {
          name: 'react18',
          include: ['test/react/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/setup/secrets-guard.ts', 'test/react/setup.ts'],
          env: { EXPECTED_REACT_MAJOR: '18' },
          server: { deps: { inline: ['@testing-library/react'] } },
          testTimeout: 30_000,
          retry: RETRY,
          hookTimeout: 60_000,
        },
      },
      {
        // The built playground in headless Chromium (skipped, with a warning, where there is none).
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/secrets-guard.ts'],
          // One Chromium for the run (each file in a context of its own) and one playground build.
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 40_000,
          retry: RETRY,
          hookTimeout: 90_000,
        },
      },
    ],
  },
})
