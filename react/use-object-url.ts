import { useEffect, useState } from 'react'

/**
 * A `blob:` URL for `blob`, owned by the component: created after render for each new blob,
 * revoked when the blob changes or goes away and on unmount. `undefined` until it exists.
 */
export function useObjectURL(blob: Blob | undefined): string | undefined {
  const [entry, setEntry] = useState<{ blob: Blob; url: string }>()
  useEffect(() => {
    if (!blob) return
    const url = URL.createObjectURL(blob)
    setEntry({ blob, url })
    return () => {
      URL.revokeObjectURL(url)
      setEntry((current) => (current?.url === url ? undefined : current))
    }
  }, [blob])
  // Never hand out a URL of a blob that is no longer the current one: it is revoked or about to be.
  return entry?.blob === blob ? entry?.url : undefined
}
