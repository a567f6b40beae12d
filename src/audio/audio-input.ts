import type { AudioInput } from '../schemas.ts'

/**
 * A Blob or File of any realm (an iframe, jsdom in a user's tests): judged by its shape, since
 * `instanceof Blob` is false for every Blob made by another global object.
 */
export function isBlobLike(value: unknown): value is Blob {
  if (typeof value !== 'object' || value === null) return false
  const blob = value as Partial<Blob>
  return typeof blob.size === 'number' && typeof blob.type === 'string' && typeof blob.slice === 'function' &&
    (typeof blob.arrayBuffer === 'function' || typeof blob.stream === 'function')
}

const tag = (value: unknown) => Object.prototype.toString.call(value)
const isArrayBuffer = (value: unknown): value is ArrayBuffer => tag(value) === '[object ArrayBuffer]'
const isUint8Array = (value: unknown): value is Uint8Array => ArrayBuffer.isView(value) && tag(value) === '[object Uint8Array]'

/** True for what `transcription({ file })` takes, whatever realm made it. */
export function isAudioInput(value: unknown): value is AudioInput {
  return isBlobLike(value) || isArrayBuffer(value) || isUint8Array(value)
}

/** Size in bytes, known without reading anything. */
export function audioInputSize(file: AudioInput): number {
  return isBlobLike(file) ? file.size : file.byteLength
}

/**
 * A Blob of this realm, which `FormData` and `fetch` accept. Blobs of this realm and bytes are
 * wrapped without copying a file; a Blob of another realm (rare: jsdom, an iframe) has to be read
 * once, because this realm's Blob constructor would take it for a string.
 */
export async function toNativeBlob(file: AudioInput): Promise<Blob> {
  if (file instanceof Blob) return file
  if (!isBlobLike(file)) return new Blob([file as BlobPart])
  const bytes = typeof file.arrayBuffer === 'function' ? await file.arrayBuffer() : await new Response(file.stream()).arrayBuffer()
  const name = (file as Partial<File>).name
  return typeof name === 'string' && typeof File === 'function'
    ? new File([bytes], name, { type: file.type })
    : new Blob([bytes], { type: file.type })
}
