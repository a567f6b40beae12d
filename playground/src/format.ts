/** 1536 → "1.5 KB"; MB as in LiteLLM's limits (bytes / 1,048,576). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** 83.4 → "1:23". */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** The file extension for a speech format's download. */
export function extensionFor(mediaType: string | undefined, format: string | undefined): string {
  if (mediaType === 'audio/mpeg') return 'mp3'
  if (mediaType === 'audio/wav' || mediaType === 'audio/x-wav') return 'wav'
  return format ?? 'bin'
}

/** The speech format a media type names: `audio/mpeg` → `mp3`; undefined when it names none. */
export function formatOfMediaType(mediaType: string): 'mp3' | 'wav' | 'flac' | 'opus' | 'aac' | 'pcm' | undefined {
  const type = mediaType.toLowerCase()
  if (/mpeg|mp3/.test(type)) return 'mp3'
  if (/wav|wave/.test(type)) return 'wav'
  if (/flac/.test(type)) return 'flac'
  if (/ogg|opus/.test(type)) return 'opus'
  if (/aac|mp4/.test(type)) return 'aac'
  if (/pcm|l16/.test(type)) return 'pcm'
  return undefined
}
