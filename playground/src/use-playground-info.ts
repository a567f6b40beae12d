import { useEffect, useState } from 'react'
import { FALLBACK_INFO, type PlaygroundInfo } from './playground-info.ts'

// One request per page load, shared by every mount: StrictMode's second mount reuses it instead
// of aborting the first, so the network log shows no cancelled request.
let request: Promise<PlaygroundInfo> | undefined
const load = () =>
  (request ??= fetch('/playground.json')
    .then((response) => (response.ok ? (response.json() as Promise<PlaygroundInfo>) : FALLBACK_INFO))
    .catch(() => FALLBACK_INFO))

/** The server's `/playground.json`: models, limits and who answers the API (never a key). */
export function usePlaygroundInfo(): PlaygroundInfo | undefined {
  const [info, setInfo] = useState<PlaygroundInfo>()
  useEffect(() => {
    let live = true
    void load().then((value) => live && setInfo(value))
    return () => {
      live = false
    }
  }, [])
  return info
}
