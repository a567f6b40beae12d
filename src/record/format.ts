/** A container the browser records and the filename extension servers read its format from. */
export interface RecordingFormat {
  mimeType: string
  extension: string
}

/**
 * What MediaRecorder is asked for, best first: Opus in WebM (Chromium, Firefox), AAC in MP4
 * (Safari; servers want `.m4a` for it), Opus in Ogg. All of them are formats OpenAI-compatible
 * transcription endpoints take.
 */
export const RECORDING_FORMATS: readonly RecordingFormat[] = [
  { mimeType: 'audio/webm;codecs=opus', extension: 'webm' },
  { mimeType: 'audio/webm', extension: 'webm' },
  { mimeType: 'audio/mp4;codecs=mp4a.40.2', extension: 'm4a' },
  { mimeType: 'audio/mp4', extension: 'm4a' },
  { mimeType: 'audio/ogg;codecs=opus', extension: 'ogg' },
  { mimeType: 'audio/ogg', extension: 'ogg' },
]

/** The first format `isTypeSupported` accepts; `undefined` when none is. */
export function pickRecordingFormat(isTypeSupported: (mimeType: string) => boolean): RecordingFormat | undefined {
  return RECORDING_FORMATS.find((format) => isTypeSupported(format.mimeType))
}

/** The extension for a type MediaRecorder reports (it may add or drop codecs). */
export function extensionForRecording(mimeType: string): string {
  const essence = mimeType.split(';')[0]!.trim().toLowerCase()
  return RECORDING_FORMATS.find((format) => format.mimeType === essence)?.extension ?? (essence.endsWith('/mp4') ? 'm4a' : 'webm')
}
