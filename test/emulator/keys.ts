/**
 * Credentials the emulator accepts by default. Each one is distinctive so a test can scan
 * URLs, logs and error messages for leaks with a plain substring search.
 */
export const TEST_KEYS = {
  proxy: 'sk-voxfetch-test-proxy-7Qz3',
  openai: 'sk-voxfetch-test-openai-9Lm2',
  azure: 'voxfetch-test-azure-4Rt8',
  gemini: 'voxfetch-test-gemini-2Kp6',
  vertexToken: 'ya29.voxfetch-test-vertex-8Hn1',
} as const

/** Bearer tokens starting with this prefix pass as Entra ID tokens on the Azure persona. */
export const AZURE_ENTRA_TOKEN_PREFIX = 'voxfetch-test-entra-'
