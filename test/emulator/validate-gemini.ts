import { isRecord } from './config.ts'
import { isRefused, readMessage, type Refused } from './proto-json.ts'
import { reject, type Rejection, type Validated } from './validation.ts'

/*
 * Facts (newest googleapis/googleapis):
 * - Gemini API: google/ai/generativelanguage/v1beta/generative_service.proto (GenerateContentRequest,
 *   GenerationConfig, SpeechConfig, VoiceConfig, MultiSpeakerVoiceConfig) and content.proto (Content:
 *   role "Must be either 'user' or 'model'"; Part).
 * - Vertex AI: google/cloud/aiplatform/v1/prediction_service.proto (GenerateContentRequest) and
 *   content.proto (GenerationConfig, SpeechConfig; MultiSpeakerVoiceConfig: "Exactly two speaker
 *   voice configurations must be provided").
 * Field names by the proto3 JSON mapping (proto-json.ts). The voice list and the refusal texts are
 * not in any repository: the voices are those of Google's speech-generation guide
 * (ai.google.dev/gemini-api/docs/speech-generation), the texts as observed.
 */

/** The 30 prebuilt Gemini TTS voices (Google's speech-generation guide; no proto lists them). */
export const GEMINI_VOICES = [
  'Zephyr', 'Puck', 'Charon', 'Kore', 'Fenrir', 'Leda', 'Orus', 'Aoede', 'Callirrhoe', 'Autonoe',
  'Enceladus', 'Iapetus', 'Umbriel', 'Algieba', 'Despina', 'Erinome', 'Algenib', 'Rasalgethi',
  'Laomedeia', 'Achernar', 'Alnilam', 'Schedar', 'Gacrux', 'Pulcherrima', 'Achird', 'Zubenelgenubi',
  'Vindemiatrix', 'Sadachbia', 'Sadaltager', 'Sulafat',
]

export interface GeminiSpeechRequest {
  text: string
  /** The (first) voice that speaks. */
  voice: string
  speakers?: { speaker: string; voice: string }[]
}

export type GeminiApi = 'gemini' | 'vertex'

/** Each API's message fields, by lowerCamelCase JSON name. */
const FIELDS = {
  gemini: {
    request: ['model', 'systemInstruction', 'contents', 'tools', 'toolConfig', 'safetySettings', 'generationConfig', 'cachedContent'],
    generation: [
      'candidateCount', 'stopSequences', 'maxOutputTokens', 'temperature', 'topP', 'topK', 'seed', 'responseMimeType',
      'responseSchema', 'responseJsonSchema', 'responseJsonSchemaOrdered', 'presencePenalty', 'frequencyPenalty',
      'responseLogprobs', 'logprobs', 'enableEnhancedCivicAnswers', 'responseModalities', 'speechConfig',
      'thinkingConfig', 'imageConfig', 'mediaResolution',
    ],
    voice: ['prebuiltVoiceConfig'],
  },
  vertex: {
    request: ['model', 'contents', 'systemInstruction', 'cachedContent', 'tools', 'toolConfig', 'labels', 'safetySettings', 'modelArmorConfig', 'generationConfig'],
    generation: [
      'temperature', 'topP', 'topK', 'candidateCount', 'maxOutputTokens', 'stopSequences', 'responseLogprobs', 'logprobs',
      'presencePenalty', 'frequencyPenalty', 'seed', 'responseMimeType', 'responseSchema', 'responseJsonSchema',
      'routingConfig', 'audioTimestamp', 'responseModalities', 'mediaResolution', 'speechConfig', 'thinkingConfig', 'imageConfig',
    ],
    voice: ['prebuiltVoiceConfig', 'replicatedVoiceConfig'],
  },
} as const
const SPEECH = ['voiceConfig', 'multiSpeakerVoiceConfig', 'languageCode']

/** A Gemini voice name check, case-insensitive like the API; undefined when fine. */
export function checkGeminiVoice(name: unknown): Rejection | undefined {
  if (typeof name === 'string' && GEMINI_VOICES.some((voice) => voice.toLowerCase() === name.toLowerCase())) return undefined
  const allowed = GEMINI_VOICES.map((voice) => voice.toLowerCase()).sort().join(', ')
  return reject(`Voice name ${String(name)} is not supported. Allowed voice names are: ${allowed}`).rejection
}

/** Checks a generateContent body for a TTS model, in Google's words. */
export function validateGeminiSpeech(raw: unknown, model: string, api: GeminiApi = 'gemini'): Validated<GeminiSpeechRequest> {
  if (!isRecord(raw)) return reject('Invalid JSON payload received. Expected an object.')
  const fields = FIELDS[api]
  const body = readMessage(raw, fields.request, '')
  if (isRefused(body)) return body
  if (!/-tts$/.test(model)) return reject(`Model ${model} does not support the requested response modalities: audio. Use a text-to-speech model such as gemini-2.5-flash-preview-tts.`)
  const { contents } = body
  // GenerateContentRequest.contents is REQUIRED.
  if (!Array.isArray(contents) || contents.length === 0) return reject('* GenerateContentRequest.contents: contents is not specified')
  const texts: string[] = []
  for (const content of contents) {
    if (!isRecord(content) || !Array.isArray(content.parts) || content.parts.length === 0) return reject('* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.')
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'model') return reject('Please use a valid role: user, model.')
    for (const part of content.parts) {
      // Part is a oneof of text, inline_data, …; the TTS models speak text only (observed, not in the proto).
      if (!isRecord(part) || typeof part.text !== 'string') return reject('Text-to-speech models accept only text parts: each part needs a "text" string.')
      texts.push(part.text)
    }
  }
  const text = texts.join('\n').trim()
  if (!text) return reject('* GenerateContentRequest.contents[0].parts[0].text: text must not be empty.')
  if (!isRecord(body.generationConfig)) return reject('The requested combination of response modalities (TEXT) is not supported by the model. Set generationConfig.responseModalities to ["AUDIO"].')
  const generation = readMessage(body.generationConfig, fields.generation, 'generation_config')
  if (isRefused(generation)) return generation
  const modalities = generation.responseModalities
  if (!Array.isArray(modalities) || modalities.length !== 1 || modalities[0] !== 'AUDIO') {
    return reject(`The requested combination of response modalities (${JSON.stringify(modalities ?? 'TEXT')}) is not supported by the model. Use ["AUDIO"].`)
  }
  if (generation.speechConfig === undefined) return { ok: true, value: { text, voice: 'Kore' } }
  if (!isRecord(generation.speechConfig)) return reject('Invalid value at \'generation_config.speech_config\': expected an object.')
  const speech = readMessage(generation.speechConfig, SPEECH, 'generation_config.speech_config')
  if (isRefused(speech)) return speech
  // SpeechConfig.multi_speaker_voice_config "is mutually exclusive with the voice_config field".
  if (speech.voiceConfig !== undefined && speech.multiSpeakerVoiceConfig !== undefined) {
    return reject('speech_config must set either voice_config or multi_speaker_voice_config, not both.')
  }
  if (speech.multiSpeakerVoiceConfig !== undefined) return validateSpeakers(speech.multiSpeakerVoiceConfig, text, fields.voice)
  if (speech.voiceConfig === undefined) return { ok: true, value: { text, voice: 'Kore' } }
  const voice = prebuiltVoice(speech.voiceConfig, fields.voice)
  if (isRefused(voice)) return voice
  const problem = checkGeminiVoice(voice)
  return problem ? { ok: false, rejection: problem } : { ok: true, value: { text, voice: String(voice) } }
}

function validateSpeakers(config: unknown, text: string, voiceFields: readonly string[]): Validated<GeminiSpeechRequest> {
  const multi = isRecord(config) ? readMessage(config, ['speakerVoiceConfigs'], 'generation_config.speech_config.multi_speaker_voice_config') : undefined
  if (isRefused(multi)) return multi
  const list = multi?.speakerVoiceConfigs
  // Vertex's content.proto: "Exactly two"; the Gemini API's proto says only "All the enabled speaker
  // voices" (its guide says up to two): the emulator asks for two on both.
  if (!Array.isArray(list) || list.length !== 2) return reject('multi_speaker_voice_config.speaker_voice_configs must have exactly 2 entries.')
  const speakers: { speaker: string; voice: string }[] = []
  for (const raw of list) {
    const entry = isRecord(raw) ? readMessage(raw, ['speaker', 'voiceConfig'], 'speaker_voice_configs') : undefined
    if (isRefused(entry)) return entry
    // SpeakerVoiceConfig.speaker and .voice_config are REQUIRED.
    if (!entry || typeof entry.speaker !== 'string' || !entry.speaker) return reject('Each speaker_voice_config needs a speaker name.')
    const voice = prebuiltVoice(entry.voiceConfig, voiceFields)
    if (isRefused(voice)) return voice
    const problem = checkGeminiVoice(voice)
    if (problem) return { ok: false, rejection: problem }
    speakers.push({ speaker: entry.speaker, voice: String(voice) })
  }
  return { ok: true, value: { text, voice: speakers[0]?.voice ?? 'Kore', speakers } }
}

/** VoiceConfig → PrebuiltVoiceConfig.voice_name (undefined when absent: then refused as a voice). */
function prebuiltVoice(voiceConfig: unknown, voiceFields: readonly string[]): unknown | Refused {
  if (!isRecord(voiceConfig)) return undefined
  const config = readMessage(voiceConfig, voiceFields, 'voice_config')
  if (isRefused(config) || !isRecord(config.prebuiltVoiceConfig)) return isRefused(config) ? config : undefined
  const prebuilt = readMessage(config.prebuiltVoiceConfig, ['voiceName'], 'voice_config.prebuilt_voice_config')
  return isRefused(prebuilt) ? prebuilt : prebuilt.voiceName
}
