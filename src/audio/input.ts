/** What `transcription({ file })` takes. */
export type AudioInput = Blob | ArrayBuffer | Uint8Array

/**
 * A Blob or File of any realm (an iframe, jsdom in a user's tests) is judged by its shape, since
 * `instanceof Blob` is false for every Blob another global object made; bytes by their tag.
 */
export const isBlobLike = (value: unknown): value is Blob =>
  typeof (value as Blob)?.size === 'number' && typeof (value as Blob).type === 'string' && typeof (value as Blob).arrayBuffer === 'function'

/** True for what `transcription({ file })` takes, whatever realm made it. */
export const isAudioInput = (value: unknown): value is AudioInput =>
  isBlobLike(value) || /^\[object (ArrayBuffer|Uint8Array)\]$/.test(Object.prototype.toString.call(value))

/** Size in bytes, known without reading anything. */
export const audioInputSize = (file: AudioInput): number => (file as Blob).size ?? (file as ArrayBuffer).byteLength

/**
 * A Blob of this realm, which `FormData` and `fetch` accept. Blobs of this realm and bytes are
 * wrapped without copying a file; a Blob of another realm (rare: jsdom, an iframe) is read once,
 * because this realm's Blob constructor would take it for a string.
 */
export async function toNativeBlob(file: AudioInput): Promise<Blob> {
  if (file instanceof Blob) return file
  return isBlobLike(file) ? new Blob([await file.arrayBuffer()], { type: file.type }) : new Blob([file as BlobPart])
}
