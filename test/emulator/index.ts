/** Public API of the voxfetch test emulator (a LiteLLM proxy plus the providers it fronts). */
export { startEmulator } from './server.ts'
export { DEFAULT_CONFIG, parseConfig } from './config.ts'
export { TEST_KEYS, AZURE_ENTRA_TOKEN_PREFIX } from './keys.ts'
export { parseWavText, readWav, EMULATOR_SOFTWARE_TAG } from './parse-wav.ts'
export { synthesizeSpeech, type AudioFormat, type SpeechAudio } from './encode-audio.ts'
export { MAX_SPOKEN_CHARACTERS, type SpeechOptions } from './synthesize.ts'
export { createServiceAccount } from './service-account.ts'
export { describeAudio, type AudioDescription } from './describe-audio.ts'
export { GEMINI_VOICES } from './validate-gemini.ts'
export { parseFault, type Fault, type FaultKind } from './faults.ts'
export { CLOUD_PLATFORM_SCOPE } from './jwt.ts'
export { OPENAI_UPLOAD_LIMIT } from './routes/openai-audio.ts'
export type {
  Emulator, EmulatorOptions, LiteLLMConfig, ModelEntry, Persona, RecordedFile, RecordedRequest, ServiceAccountJson,
} from './types.ts'
