import { isRecord } from './config.ts'
import { reject, type Rejection, type Validated } from './validation.ts'

/** The 30 prebuilt Gemini TTS voices. */
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

const TOP_LEVEL = ['contents', 'generationConfig', 'systemInstruction', 'safetySettings', 'model']
const GENERATION = ['responseModalities', 'speechConfig', 'temperature', 'topP', 'topK', 'seed', 'candidateCount', 'maxOutputTokens', 'stopSequences']
const SPEECH = ['voiceConfig', 'multiSpeakerVoiceConfig', 'languageCode']

/** A Gemini voice name check, case-insensitive like the API; undefined when fine. */
export function checkGeminiVoice(name: unknown): Rejection | undefined {
  if (typeof name === 'string' && GEMINI_VOICES.some((voice) => voice.toLowerCase() === name.toLowerCase())) return undefined
  const allowed = GEMINI_VOICES.map((voice) => voice.toLowerCase()).sort().join(', ')
  return reject(`Voice name ${String(name)} is not supported. Allowed voice names are: ${allowed}`).rejection
}

/** Checks a generateContent body for a TTS model strictly (PROVIDERS.md §5), in Google's words. */
export function validateGeminiSpeech(body: unknown, model: string): Validated<GeminiSpeechRequest> {
  if (!isRecord(body)) return reject('Invalid JSON payload received. Expected an object.')
  const unknown = unknownField(body, TOP_LEVEL, '')
  if (unknown) return unknown
  if (!/-tts$/.test(model)) return reject(`Model ${model} does not support the requested response modalities: audio. Use a text-to-speech model such as gemini-2.5-flash-preview-tts.`)
  const { contents, generationConfig } = body
  if (!Array.isArray(contents) || contents.length === 0) return reject('* GenerateContentRequest.contents: contents is not specified')
  const texts: string[] = []
  for (const content of contents) {
    if (!isRecord(content) || !Array.isArray(content.parts) || content.parts.length === 0) return reject('* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.')
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'model') return reject('Please use a valid role: user, model.')
    for (const part of content.parts) {
      if (!isRecord(part) || typeof part.text !== 'string') return reject('Text-to-speech models accept only text parts: each part needs a "text" string.')
      texts.push(part.text)
    }
  }
  const text = texts.join('\n').trim()
  if (!text) return reject('* GenerateContentRequest.contents[0].parts[0].text: text must not be empty.')
  if (!isRecord(generationConfig)) return reject('The requested combination of response modalities (TEXT) is not supported by the model. Set generationConfig.responseModalities to ["AUDIO"].')
  const unknownGeneration = unknownField(generationConfig, GENERATION, 'generation_config')
  if (unknownGeneration) return unknownGeneration
  const modalities = generationConfig.responseModalities
  if (!Array.isArray(modalities) || modalities.length !== 1 || modalities[0] !== 'AUDIO') {
    return reject(`The requested combination of response modalities (${JSON.stringify(modalities ?? 'TEXT')}) is not supported by the model. Use ["AUDIO"].`)
  }
  const speech = generationConfig.speechConfig
  if (speech === undefined) return { ok: true, value: { text, voice: 'Kore' } }
  if (!isRecord(speech)) return reject('Invalid value at \'generation_config.speech_config\': expected an object.')
  const unknownSpeech = unknownField(speech, SPEECH, 'generation_config.speech_config')
  if (unknownSpeech) return unknownSpeech
  if (speech.voiceConfig !== undefined && speech.multiSpeakerVoiceConfig !== undefined) {
    return reject('speech_config must set either voice_config or multi_speaker_voice_config, not both.')
  }
  if (speech.multiSpeakerVoiceConfig !== undefined) return validateSpeakers(speech.multiSpeakerVoiceConfig, text)
  if (speech.voiceConfig === undefined) return { ok: true, value: { text, voice: 'Kore' } }
  const voice = prebuiltVoice(speech.voiceConfig)
  const problem = checkGeminiVoice(voice)
  return problem ? { ok: false, rejection: problem } : { ok: true, value: { text, voice: String(voice) } }
}

function validateSpeakers(config: unknown, text: string): Validated<GeminiSpeechRequest> {
  const list = isRecord(config) ? config.speakerVoiceConfigs : undefined
  if (!Array.isArray(list) || list.length !== 2) return reject('multi_speaker_voice_config.speaker_voice_configs must have exactly 2 entries.')
  const speakers: { speaker: string; voice: string }[] = []
  for (const entry of list) {
    if (!isRecord(entry) || typeof entry.speaker !== 'string' || !entry.speaker) return reject('Each speaker_voice_config needs a speaker name.')
    const voice = prebuiltVoice(entry.voiceConfig)
    const problem = checkGeminiVoice(voice)
    if (problem) return { ok: false, rejection: problem }
    speakers.push({ speaker: entry.speaker, voice: String(voice) })
  }
  return { ok: true, value: { text, voice: speakers[0]?.voice ?? 'Kore', speakers } }
}

function prebuiltVoice(voiceConfig: unknown): unknown {
  if (!isRecord(voiceConfig) || !isRecord(voiceConfig.prebuiltVoiceConfig)) return undefined
  return voiceConfig.prebuiltVoiceConfig.voiceName
}

/** Google refuses unknown (or snake_case) field names; the emulator takes camelCase only. */
function unknownField(object: Record<string, unknown>, known: string[], at: string): { ok: false; rejection: Rejection } | undefined {
  const name = Object.keys(object).find((key) => !known.includes(key))
  if (!name) return undefined
  return reject(`Invalid JSON payload received. Unknown name "${name}"${at ? ` at '${at}'` : ''}: Cannot find field. (The voxfetch emulator accepts camelCase field names only.)`)
}
