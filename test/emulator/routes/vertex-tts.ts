import { checkVertexAuth } from '../auth.ts'
import type { RequestContext } from '../context.ts'
import { synthesizeSpeech, unsupportedFormatMessage, type AudioFormat } from '../encode-audio.ts'
import { googleError } from '../errors.ts'
import { replyRejection } from '../reply-rejection.ts'
import { sendJson } from '../respond.ts'
import { validateCloudTts, type CloudTtsEncoding } from '../validate-cloud-tts.ts'

const FORMATS: Partial<Record<CloudTtsEncoding, AudioFormat>> = {
  LINEAR16: 'wav', MP3: 'mp3', FLAC: 'flac', MULAW: 'mulaw', ALAW: 'alaw', PCM: 'pcm',
}

/** POST /vertex-tts/v1/text:synthesize (Cloud Text-to-Speech). */
export async function vertexSynthesize(context: RequestContext): Promise<void> {
  if (!checkVertexAuth(context)) return
  const result = validateCloudTts(context.body.jsonError ? undefined : context.body.json)
  if (!result.ok) return replyRejection(context, result.rejection)
  const request = result.value
  const format = FORMATS[request.encoding]
  if (!format) return sendJson(context, 400, googleError(400, unsupportedFormatMessage(request.encoding)))
  // lamejs only encodes MPEG sample rates; MP3 stays at 24 kHz like Google's default.
  const sampleRate = format === 'mp3' ? undefined : request.sampleRateHertz
  const audio = await synthesizeSpeech(request.text, format, {
    voice: request.voiceName ?? request.languageCode,
    speed: request.speakingRate,
    ...(sampleRate ? { sampleRate } : {}),
  })
  sendJson(context, 200, { audioContent: Buffer.from(audio.bytes).toString('base64') })
}
