import { openAsBlob } from 'node:fs'
import { basename } from 'node:path'
import { extensionOf } from '../audio/media-type.ts'

const TYPES: Record<string, string> = {
  flac: 'audio/flac', mp3: 'audio/mpeg', mp4: 'audio/mp4', mpeg: 'audio/mpeg', mpga: 'audio/mpeg',
  m4a: 'audio/mp4', ogg: 'audio/ogg', oga: 'audio/ogg', opus: 'audio/ogg', wav: 'audio/wav', webm: 'audio/webm',
}

/**
 * A File over a file on disk that is read only as it is uploaded (never whole into memory),
 * named and typed from the path.
 */
export async function fileFromPath(path: string, options: { type?: string } = {}): Promise<File> {
  const type = options.type ?? TYPES[extensionOf(path) ?? ''] ?? ''
  const blob = await openAsBlob(path, { type })
  return new File([blob], basename(path), { type })
}
