import { parsePcmMediaType, pcmLayoutProblem, pcmToWav } from '../audio/wav.ts'

/** The clip as one Blob; raw PCM gets a WAV header, since no audio element plays headerless PCM. */
export function wholeClip(chunks: Uint8Array[], mediaType: string): Blob {
  const pcm = parsePcmMediaType(mediaType)
  if (pcm && !pcmLayoutProblem(pcm)) return new Blob([pcmToWav(chunks, pcm) as Uint8Array<ArrayBuffer>], { type: 'audio/wav' })
  return new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: mediaType })
}
