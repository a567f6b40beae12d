import { isRecord } from './config.ts'
import { reject, type Rejection, type Validated } from './validation.ts'

export const CLOUD_TTS_ENCODINGS = ['LINEAR16', 'MP3', 'OGG_OPUS', 'MULAW', 'ALAW', 'PCM', 'M4A', 'FLAC'] as const
export type CloudTtsEncoding = (typeof CLOUD_TTS_ENCODINGS)[number]

export interface CloudTtsRequest {
  /** Plain text to speak (SSML tags stripped). */
  text: string
  languageCode: string
  voiceName?: string
  encoding: CloudTtsEncoding
  speakingRate: number
  sampleRateHertz?: number
}

const unknownName = (object: Record<string, unknown>, known: string[], at: string): { ok: false; rejection: Rejection } | undefined => {
  const name = Object.keys(object).find((key) => !known.includes(key))
  return name ? reject(`Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ''}: Cannot find field.`) : undefined
}

/** Checks a Cloud Text-to-Speech `text:synthesize` body (PROVIDERS.md §6). */
export function validateCloudTts(body: unknown): Validated<CloudTtsRequest> {
  if (!isRecord(body)) return reject('Invalid JSON payload received. Expected an object.')
  const unknown = unknownName(body, ['input', 'voice', 'audioConfig', 'enableTimePointing', 'advancedVoiceOptions'], '')
  if (unknown) return unknown
  const { input, voice, audioConfig } = body
  if (!isRecord(input)) return reject('Invalid SynthesizeSpeechRequest: input is required (input.text or input.ssml).')
  const inputUnknown = unknownName(input, ['text', 'ssml'], 'input')
  if (inputUnknown) return inputUnknown
  if ((input.text === undefined) === (input.ssml === undefined)) return reject('Exactly one of input.text or input.ssml must be set.')
  const raw = input.text ?? input.ssml
  if (typeof raw !== 'string' || raw.trim() === '') return reject('input.text or input.ssml must be a non-empty string.')
  if (Buffer.byteLength(raw) > 5000) return reject('Either `input.text` or `input.ssml` is longer than the limit of 5000 bytes. This limit is different from quotas.')
  let text = raw
  if (input.ssml !== undefined) {
    if (!/^\s*<speak[\s>]/.test(raw) || !/<\/speak>\s*$/.test(raw)) return reject('Invalid SSML: the document must be wrapped in <speak>…</speak>.')
    text = stripSsml(raw)
  }
  if (!isRecord(voice) || typeof voice.languageCode !== 'string' || !voice.languageCode) return reject('Invalid SynthesizeSpeechRequest: voice.languageCode is required.')
  const voiceUnknown = unknownName(voice, ['languageCode', 'name', 'ssmlGender', 'customVoice', 'voiceClone', 'modelName'], 'voice')
  if (voiceUnknown) return voiceUnknown
  const name = voice.name
  if (name !== undefined) {
    if (typeof name !== 'string' || !/^[a-z]{2,3}-[A-Z]{2}-[A-Za-z0-9-]+$/.test(name)) return reject(`Voice '${String(name)}' does not exist. Is it misspelled?`)
    const voiceLanguage = name.split('-').slice(0, 2).join('-')
    if (voiceLanguage.toLowerCase() !== voice.languageCode.toLowerCase()) {
      return reject(`Requested language code '${voice.languageCode}' doesn't match the voice '${name}''s language code '${voiceLanguage}'.`)
    }
  }
  if (!isRecord(audioConfig)) return reject('Invalid SynthesizeSpeechRequest: audioConfig is required.')
  const configUnknown = unknownName(audioConfig, ['audioEncoding', 'speakingRate', 'pitch', 'volumeGainDb', 'sampleRateHertz', 'effectsProfileId'], 'audio_config')
  if (configUnknown) return configUnknown
  const encoding = audioConfig.audioEncoding
  if (typeof encoding !== 'string' || !(CLOUD_TTS_ENCODINGS as readonly string[]).includes(encoding)) {
    return reject(`Invalid value at 'audio_config.audio_encoding' (type.googleapis.com/google.cloud.texttospeech.v1.AudioEncoding), ${JSON.stringify(encoding ?? null)}`)
  }
  const speakingRate = audioConfig.speakingRate ?? 1
  if (typeof speakingRate !== 'number' || speakingRate < 0.25 || speakingRate > 4) return reject(`audio_config.speaking_rate must be between 0.25 and 4.0, got ${String(speakingRate)}.`)
  const rate = audioConfig.sampleRateHertz
  if (rate !== undefined && (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 8000 || rate > 48000)) {
    return reject(`audio_config.sample_rate_hertz must be an integer between 8000 and 48000, got ${String(rate)}.`)
  }
  return {
    ok: true,
    value: {
      text, languageCode: voice.languageCode, encoding: encoding as CloudTtsEncoding, speakingRate,
      ...(typeof name === 'string' ? { voiceName: name } : {}),
      ...(typeof rate === 'number' ? { sampleRateHertz: rate } : {}),
    },
  }
}

/** SSML → the words it speaks. */
export function stripSsml(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
