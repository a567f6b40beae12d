import { isRecord } from './config.ts'
import { isRefused, readMessage } from './proto-json.ts'
import { reject, type Validated } from './validation.ts'

/*
 * Facts: googleapis/googleapis google/cloud/texttospeech/v1/cloud_tts.proto (newest), messages
 * SynthesizeSpeechRequest, SynthesisInput, VoiceSelectionParams, AudioConfig and enum AudioEncoding.
 * Field names follow the proto3 JSON mapping (proto-json.ts).
 * The error texts are those Google's front end answers as observed; no googleapis file
 * documents them, so only their status (400 INVALID_ARGUMENT, as the proto says) is sourced.
 */

/** enum AudioEncoding, every value but AUDIO_ENCODING_UNSPECIFIED (refused: "Otherwise, will return INVALID_ARGUMENT"). There is no FLAC. */
export const CLOUD_TTS_ENCODINGS = ['LINEAR16', 'MP3', 'OGG_OPUS', 'MULAW', 'ALAW', 'PCM', 'M4A'] as const
export type CloudTtsEncoding = (typeof CLOUD_TTS_ENCODINGS)[number]
/** The enum's numbers: the JSON mapping accepts an enum as its name or its number. */
const ENCODING_NUMBERS: Record<number, CloudTtsEncoding | 'AUDIO_ENCODING_UNSPECIFIED'> = {
  0: 'AUDIO_ENCODING_UNSPECIFIED', 1: 'LINEAR16', 2: 'MP3', 3: 'OGG_OPUS', 5: 'MULAW', 6: 'ALAW', 7: 'PCM', 8: 'M4A',
}

/** SynthesisInput: "The input size is limited to 5000 bytes." */
export const MAX_INPUT_BYTES = 5000
/** AudioConfig.speaking_rate: "in the range [0.25, 2.0] … Any other values < 0.25 or > 2.0 will return an error." */
export const SPEAKING_RATE = { min: 0.25, max: 2 } as const

export interface CloudTtsRequest {
  /** Plain text to speak (SSML tags stripped, multi-speaker turns joined). */
  text: string
  languageCode: string
  voiceName?: string
  encoding: CloudTtsEncoding
  speakingRate: number
  sampleRateHertz?: number
}

// The fields of each message, by their lowerCamelCase JSON names.
const REQUEST_FIELDS = ['input', 'voice', 'audioConfig', 'advancedVoiceOptions']
const INPUT_SOURCES = ['text', 'markup', 'ssml', 'multiSpeakerMarkup'] // oneof input_source
const INPUT_FIELDS = [...INPUT_SOURCES, 'prompt', 'customPronunciations']
const VOICE_FIELDS = ['languageCode', 'name', 'ssmlGender', 'customVoice', 'voiceClone', 'modelName', 'multiSpeakerVoiceConfig']
const AUDIO_FIELDS = ['audioEncoding', 'speakingRate', 'pitch', 'volumeGainDb', 'sampleRateHertz', 'effectsProfileId']

const message = readMessage
const failed = isRefused

/** Checks a Cloud Text-to-Speech `text:synthesize` body. */
export function validateCloudTts(body: unknown): Validated<CloudTtsRequest> {
  if (!isRecord(body)) return reject('Invalid JSON payload received. Expected an object.')
  const request = message(body, REQUEST_FIELDS, '')
  if (failed(request)) return request
  if (!isRecord(request.input)) return reject('Invalid SynthesizeSpeechRequest: input is required (input.text or input.ssml).')
  const input = message(request.input, INPUT_FIELDS, 'input')
  if (failed(input)) return input
  // "Supplying both or neither returns INVALID_ARGUMENT."
  const sources = INPUT_SOURCES.filter((name) => input[name] !== undefined)
  if (sources.length !== 1) return reject('Exactly one of input.text, input.markup, input.ssml or input.multi_speaker_markup must be set.')
  const text = inputText(input)
  if (typeof text !== 'string' || text.trim() === '') return reject('The input text must be a non-empty string.')
  if (typeof text === 'string' && Buffer.byteLength(text) > MAX_INPUT_BYTES) {
    return reject(`Either \`input.text\` or \`input.ssml\` is longer than the limit of ${MAX_INPUT_BYTES} bytes. This limit is different from quotas.`)
  }
  let spoken = text
  if (input.ssml !== undefined) {
    // "The SSML document must be valid and well-formed. Otherwise the RPC will fail."
    if (!/^\s*<speak[\s>]/.test(text) || !/<\/speak>\s*$/.test(text)) return reject('Invalid SSML: the document must be wrapped in <speak>…</speak>.')
    spoken = stripSsml(text)
  }
  // VoiceSelectionParams.language_code is REQUIRED.
  if (!isRecord(request.voice)) return reject('Invalid SynthesizeSpeechRequest: voice.languageCode is required.')
  const voice = message(request.voice, VOICE_FIELDS, 'voice')
  if (failed(voice)) return voice
  if (typeof voice.languageCode !== 'string' || !voice.languageCode) return reject('Invalid SynthesizeSpeechRequest: voice.languageCode is required.')
  const name = voice.name
  if (name !== undefined) {
    if (typeof name !== 'string' || !/^[a-z]{2,3}-[A-Z]{2}-[A-Za-z0-9-]+$/.test(name)) return reject(`Voice '${String(name)}' does not exist. Is it misspelled?`)
    const voiceLanguage = name.split('-').slice(0, 2).join('-')
    if (voiceLanguage.toLowerCase() !== voice.languageCode.toLowerCase()) {
      return reject(`Requested language code '${voice.languageCode}' doesn't match the voice '${name}''s language code '${voiceLanguage}'.`)
    }
  }
  // AudioConfig and its audio_encoding are REQUIRED.
  if (!isRecord(request.audioConfig)) return reject('Invalid SynthesizeSpeechRequest: audioConfig is required.')
  const audio = message(request.audioConfig, AUDIO_FIELDS, 'audio_config')
  if (failed(audio)) return audio
  const raw = audio.audioEncoding
  const encoding = typeof raw === 'number' ? ENCODING_NUMBERS[raw] : raw
  if (encoding === 'AUDIO_ENCODING_UNSPECIFIED' || encoding === undefined) {
    return reject('AudioConfig.audio_encoding is required and must not be AUDIO_ENCODING_UNSPECIFIED.')
  }
  if (typeof encoding !== 'string' || !(CLOUD_TTS_ENCODINGS as readonly string[]).includes(encoding)) {
    return reject(`Invalid value at 'audio_config.audio_encoding' (type.googleapis.com/google.cloud.texttospeech.v1.AudioEncoding), ${JSON.stringify(raw)}`)
  }
  // "If unset(0.0), defaults to the native 1.0 speed."
  const speakingRate = audio.speakingRate === undefined || audio.speakingRate === 0 ? 1 : audio.speakingRate
  if (typeof speakingRate !== 'number' || speakingRate < SPEAKING_RATE.min || speakingRate > SPEAKING_RATE.max) {
    return reject(`audio_config.speaking_rate must be between ${SPEAKING_RATE.min} and ${SPEAKING_RATE.max.toFixed(1)}, got ${String(speakingRate)}.`)
  }
  const rate = audio.sampleRateHertz
  if (rate !== undefined && (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 8000 || rate > 48000)) {
    return reject(`audio_config.sample_rate_hertz must be an integer between 8000 and 48000, got ${String(rate)}.`)
  }
  return {
    ok: true,
    value: {
      text: spoken, languageCode: voice.languageCode, encoding: encoding as CloudTtsEncoding, speakingRate,
      ...(typeof name === 'string' ? { voiceName: name } : {}),
      ...(typeof rate === 'number' && rate !== 0 ? { sampleRateHertz: rate } : {}),
    },
  }
}

/** The text of whichever input source is set; multi-speaker turns (MultiSpeakerMarkup.Turn) are joined. */
function inputText(input: Record<string, unknown>): unknown {
  if (input.multiSpeakerMarkup === undefined) return input.text ?? input.markup ?? input.ssml
  const turns = isRecord(input.multiSpeakerMarkup) ? input.multiSpeakerMarkup.turns : undefined
  if (!Array.isArray(turns) || turns.length === 0) return undefined
  const texts = turns.map((turn) => (isRecord(turn) ? turn.text : undefined))
  return texts.every((text) => typeof text === 'string') ? texts.join(' ') : undefined
}

/** SSML → the words it speaks. */
export function stripSsml(ssml: string): string {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
