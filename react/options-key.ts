/**
 * The same text for equal plain values whatever the key order, so options rebuilt on every
 * render (or deserialized from a Server Component's payload) make a client only when they change.
 */
export function optionsKey(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}
