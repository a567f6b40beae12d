import { useEffect, useState } from 'react'
import { FALLBACK_INFO, type PlaygroundInfo } from './playground-info.ts'

/** The server's `/playground.json`: models, limits and who answers the API (never a key). */
export function usePlaygroundInfo(): PlaygroundInfo | undefined {
  const [info, setInfo] = useState<PlaygroundInfo>()
  useEffect(() => {
    const controller = new AbortController()
    fetch('/playground.json', { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<PlaygroundInfo>) : FALLBACK_INFO))
      .catch(() => FALLBACK_INFO)
      .then((value) => {
        if (!controller.signal.aborted) setInfo(value)
      })
    return () => controller.abort()
  }, [])
  return info
}
