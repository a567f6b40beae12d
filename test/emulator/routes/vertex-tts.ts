import { checkVertexAuth } from '../auth.ts'
import type { RequestContext } from '../context.ts'
import { synthesizeSpeech, type AudioFormat } from '../encode-audio.ts'
import { googleError } from '../errors.ts'
import { replyRejection } from '../reply-rejection.ts'
import { sendJson } from '../respond.ts'
import { validateCloudTts, type CloudTtsEncoding } from '../validate-cloud-tts.ts'

/**
 * Every value of googleapis/googleapis google/cloud/texttospeech/v1/cloud_tts.proto `AudioEncoding`
 * (newest) and what its comment says comes back:
 * LINEAR16 "also contains a WAV header"; MULAW, ALAW "also contains a WAV header"; PCM "won't be
 * wrapped in a WAV (or any other) header"; OGG_OPUS "Opus encoded audio wrapped in an ogg
 * container"; MP3; M4A "M4A audio". OGG_OPUS and M4A are real, decodable files but silent (no
 * Opus or AAC encoder among the npm packages: encode-ogg-opus.ts, encode-m4a.ts).
 */
const FORMATS: Record<CloudTtsEncoding, AudioFormat> = {
  LINEAR16: 'wav', MP3: 'mp3', OGG_OPUS: 'opus', MULAW: 'mulaw', ALAW: 'alaw', PCM: 'pcm', M4A: 'm4a',
}

/** Rates each encoder here can write; 24 kHz when none is asked (the emulator's voices' natural rate). */
const MPEG_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000]
const SUPPORTED_RATES: Partial<Record<CloudTtsEncoding, number[]>> = { MP3: MPEG_RATES, M4A: [...MPEG_RATES, 7350, 64000, 88200, 96000] }

/** POST /vertex-tts/v1/text:synthesize (cloud_tts.proto: `post: "/v1/text:synthesize"`). */
export async function vertexSynthesize(context: RequestContext): Promise<void> {
  if (!checkVertexAuth(context)) return
  const result = validateCloudTts(context.body.jsonError ? undefined : context.body.json)
  if (!result.ok) return replyRejection(context, result.rejection)
  const request = result.value
  const rate = request.sampleRateHertz
  // AudioConfig.sample_rate_hertz: honoured by converting, "unless the specified sample rate is not
  // supported for the encoding chosen, in which case it will fail the request and return INVALID_ARGUMENT".
  if (rate !== undefined && SUPPORTED_RATES[request.encoding] && !SUPPORTED_RATES[request.encoding]!.includes(rate)) {
    return sendJson(context, 400, googleError(400, `sample_rate_hertz ${rate} is not supported for audio_encoding ${request.encoding}.`))
  }
  const audio = await synthesizeSpeech(request.text, FORMATS[request.encoding], {
    voice: request.voiceName ?? request.languageCode,
    speed: request.speakingRate,
    ...(rate ? { sampleRate: rate } : {}),
  })
  // SynthesizeSpeechResponse.audio_content is `bytes`: base64 in JSON.
  sendJson(context, 200, { audioContent: Buffer.from(audio.bytes).toString('base64') })
}
