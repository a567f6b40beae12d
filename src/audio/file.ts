import { InvalidRequestError } from '../errors/classes.ts'
import type { AudioInput } from './input.ts'
import { toNativeBlob } from './input.ts'
import { extensionForMediaType, extensionOf, mediaTypeForExtension, sniffMediaType, TRANSCRIPTION_EXTENSIONS } from './media-type.ts'

export interface AudioFile {
  blob: Blob
  filename: string
  mediaType: string
}

const ACCEPTED = new Set<string>(TRANSCRIPTION_EXTENSIONS)

/**
 * Turns any accepted input into a Blob with a filename whose extension tells the server the
 * format (servers read the format from it): the given name when its extension is accepted,
 * else one derived from the MIME type, else from the first bytes. Never reads the whole file.
 */
export async function toAudioFile(file: AudioInput, filename?: string): Promise<AudioFile> {
  const blob = await toNativeBlob(file)
  if (blob.size === 0) throw new InvalidRequestError('file', 'is empty (0 bytes)')
  const name = filename ?? (typeof (file as Partial<File>).name === 'string' ? (file as File).name : '')
  const named = extensionOf(name)
  const extension = named && ACCEPTED.has(named)
    ? named
    : extensionForMediaType(blob.type) ?? extensionForMediaType(sniffMediaType(await head(blob)))
  if (!extension || !ACCEPTED.has(extension)) {
    throw new InvalidRequestError(
      'file',
      `is not in a format servers accept (${TRANSCRIPTION_EXTENSIONS.join(', ')}); ` +
        `got ${blob.type ? `type "${blob.type}"` : 'no type'}${name ? ` and name "${name}"` : ''}`,
    )
  }
  const base = name && extension === named ? name : `${name || 'audio'}.${extension}`
  return { blob, filename: base, mediaType: blob.type || mediaTypeForExtension(extension)! }
}

async function head(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, 16).arrayBuffer())
}
