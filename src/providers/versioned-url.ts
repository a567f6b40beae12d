/** `{base}/v1{path}`, without a second `/v1` when the base already ends in one. */
export function versionedURL(baseURL: string, path: string): string {
  const base = baseURL.replace(/\/+$/, '')
  return /\/v1$/.test(base) ? `${base}${path}` : `${base}/v1${path}`
}
