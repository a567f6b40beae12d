import { openAsBlob } from 'node:fs'
import { basename } from 'node:path'
import { extensionOf, mediaTypeForExtension } from '../audio/media-type.ts'

/**
 * A File over a file on disk that is read only as it is uploaded (never whole into memory),
 * named and typed from the path.
 */
export async function fileFromPath(path: string, options: { type?: string } = {}): Promise<File> {
  const type = options.type ?? mediaTypeForExtension(extensionOf(path)) ?? ''
  const blob = await openAsBlob(path, { type })
  return new File([blob], basename(path), { type })
}
