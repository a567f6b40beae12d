import type { TranscriptionModel, TranscriptionParams, VoxfetchClient } from '../index.ts'
import type { PauseOptions } from './pause-detector.ts'

/** Transcription params each piece is sent with (everything but what the dictation sets itself). */
export type PieceParams = Omit<TranscriptionParams, 'file' | 'filename' | 'model' | 'prompt' | 'signal' | 'language'>

export interface DictationOptions extends PauseOptions {
  /** Transcription model for every piece, e.g. `'whisper-1'`, `'gpt-4o-transcribe'` or a proxy alias. */
  model: TranscriptionModel
  /** Sends the pieces. @default the one-off `transcription` / `streamTranscription`, with `params` carrying baseURL and apiKey */
  client?: Pick<VoxfetchClient, 'transcription' | 'streamTranscription'>
  /** ISO-639-1 code of the spoken language. */
  language?: string
  /** Words the model should know before the first piece (names, spellings); the transcript so far follows it in each prompt. */
  prompt?: string
  /** Send the transcript so far as each piece's `prompt` (continuity of names and casing). @default true, false for diarizing models (they take no prompt) */
  continuePrompt?: boolean
  /** Characters of prompt at most: whisper reads only its last 224 tokens. @default 600 */
  promptLimit?: number
  /** Stream each piece's words as they are recognized (`stream: true`; gpt-4o-transcribe and -mini stream, others answer whole). @default false */
  stream?: boolean
  /** Pieces transcribed at the same time. @default 2 */
  concurrency?: number
  /** Rate of the pieces' and the recording's WAV; `'native'` keeps the microphone's. @default 16000 */
  sampleRate?: number | 'native'
  /** getUserMedia audio constraints. @default true */
  audio?: boolean | MediaTrackConstraints
  /**
   * Format of the whole recording (`recording`). `'audio/wav'` is built from the PCM the pieces are
   * cut from. Any other type (`'audio/webm;codecs=opus'` in Chromium and Firefox, `'audio/mp4'` in
   * Safari: `pickRecordingFormat` in `voxfetch/recorder` picks one) is recorded by MediaRecorder from
   * the same microphone alongside, a fraction of the WAV's size; the pieces stay WAV. A type
   * MediaRecorder cannot record here is a `RecorderError` (`not-supported`) before the microphone
   * is asked for.
   * @default 'audio/wav'
   */
  mimeType?: string
  /** Bits per second of a compressed `mimeType`. @default the browser's choice */
  audioBitsPerSecond?: number
  /** Name of the whole recording without extension (`.wav`, `.webm`…; pieces add `-1`, `-2`…). @default 'dictation' */
  fileName?: string
  /** More params for each piece's call: client options (baseURL, apiKey, maxRetries, headers…), temperature. */
  params?: PieceParams
}

export interface ResolvedDictationOptions extends DictationOptions {
  continuePrompt: boolean
  promptLimit: number
  concurrency: number
  fileName: string
  /** The compressed type MediaRecorder records the whole recording in; undefined for WAV. */
  compressedType?: string
}

/** Fills the defaults and refuses bad values before the microphone is asked for. */
export function resolveDictationOptions(options: DictationOptions): ResolvedDictationOptions {
  if (typeof options.model !== 'string' || !options.model) throw new TypeError('createDictation: `model` is required')
  const concurrency = options.concurrency ?? 2
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 8) throw new RangeError('createDictation: `concurrency` must be an integer from 1 to 8')
  const promptLimit = options.promptLimit ?? 600
  if (!Number.isInteger(promptLimit) || promptLimit < 0) throw new RangeError('createDictation: `promptLimit` must be an integer ≥ 0')
  for (const key of ['pauseMs', 'minPieceMs', 'maxPieceMs', 'floorWindowMs'] as const) {
    const value = options[key]
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new RangeError(`createDictation: \`${key}\` must be a positive number of milliseconds`)
  }
  if (options.paddingMs !== undefined && !(Number.isFinite(options.paddingMs) && options.paddingMs >= 0)) throw new RangeError('createDictation: `paddingMs` must be a number of milliseconds ≥ 0')
  if ((options.maxPieceMs ?? 30_000) < (options.minPieceMs ?? 1000)) throw new RangeError('createDictation: `maxPieceMs` must be at least `minPieceMs`')
  const rate = options.sampleRate
  if (rate !== undefined && rate !== 'native' && !(Number.isInteger(rate) && rate >= 8000 && rate <= 96_000)) {
    throw new RangeError("createDictation: `sampleRate` must be an integer from 8000 to 96000, or 'native'")
  }
  const { mimeType, audioBitsPerSecond } = options
  if (mimeType !== undefined && (typeof mimeType !== 'string' || !mimeType.trim())) throw new TypeError('createDictation: `mimeType` must be a media type')
  if (audioBitsPerSecond !== undefined && !(Number.isInteger(audioBitsPerSecond) && audioBitsPerSecond > 0)) {
    throw new RangeError('createDictation: `audioBitsPerSecond` must be a positive integer')
  }
  const wav = mimeType === undefined || /^audio\/(x-)?wav$/i.test(mimeType.split(';')[0]!.trim())
  return {
    ...options,
    ...(wav ? {} : { compressedType: mimeType }),
    concurrency,
    promptLimit,
    continuePrompt: options.continuePrompt ?? !/diarize/.test(options.model),
    fileName: options.fileName ?? 'dictation',
  }
}
