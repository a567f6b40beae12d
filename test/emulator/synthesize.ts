import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { readWav } from './parse-wav.ts'
import { resample } from './resample.ts'
import { cachedSpeech } from './speech-cache.ts'
import { SYNTH_WORKER_SOURCE } from './synth-worker-source.ts'

/** Every emulated provider speaks 24 kHz mono s16le (OpenAI pcm, Gemini L16, Google LINEAR16). */
export const OUTPUT_SAMPLE_RATE = 24000

export interface SpeechOptions {
  /** Any voice name; it picks one of eSpeak's voice variants. */
  voice?: string
  /** 0.25–4, scales eSpeak's 175 words per minute (clamped to what eSpeak can do). @default 1 */
  speed?: number
}

const VARIANTS = ['f2', 'm3', 'f5', 'm1', 'f4', 'm7', 'f1', 'm2', 'f3', 'm4', 'm5', 'm6']
const NAMED_VARIANTS: Record<string, string> = {
  alloy: 'f2', ash: 'm3', ballad: 'm2', coral: 'f5', echo: 'm1', fable: 'm4', onyx: 'm7',
  nova: 'f4', sage: 'f1', shimmer: 'f3', verse: 'm6', marin: 'f5', cedar: 'm5',
}

/** Maps any voice name to an eSpeak variant; unknown names hash to a stable choice. */
export function variantForVoice(voice: string | undefined): string {
  if (!voice) return 'f2'
  const named = NAMED_VARIANTS[voice.toLowerCase()]
  if (named) return named
  let hash = 0
  for (const char of voice.toLowerCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return VARIANTS[hash % VARIANTS.length] ?? 'f2'
}

const CACHE_LIMIT = 256
const MESPEAK_VERSION = (createRequire(import.meta.url)('mespeak/package.json') as { version: string }).version
const cache = new Map<string, Promise<Int16Array>>()

/**
 * Only this many characters are spoken (cut at a word): eSpeak, lamejs and the FLAC encoder need
 * about 20 s for a 4096-character input. The full text is still embedded in the audio's tags.
 */
export const MAX_SPOKEN_CHARACTERS = 300

/** The part of `text` the emulator speaks. */
export function spokenPart(text: string): string {
  if (text.length <= MAX_SPOKEN_CHARACTERS) return text
  const cut = text.slice(0, MAX_SPOKEN_CHARACTERS)
  const space = cut.lastIndexOf(' ')
  return space > MAX_SPOKEN_CHARACTERS / 2 ? cut.slice(0, space) : cut
}

/** Real eSpeak speech of (the first 300 characters of) `text` as 24 kHz mono s16 samples, cached. */
export function synthesizePcm(fullText: string, options: SpeechOptions = {}): Promise<Int16Array> {
  const text = spokenPart(fullText)
  const variant = variantForVoice(options.voice)
  const wordsPerMinute = Math.round(Math.min(450, Math.max(80, 175 * (options.speed ?? 1))))
  const key = `${variant}|${wordsPerMinute}|${text}`
  const cached = cache.get(key)
  if (cached) return cached
  const pending = cachedSpeech(`mespeak-${MESPEAK_VERSION}|${key}`, () => runJob(text, variant, wordsPerMinute)).then((wav) => {
    const parsed = readWav(wav)
    if (!parsed?.data || parsed.bitsPerSample !== 16) throw new Error('mespeak produced an unexpected WAV')
    const samples = new Int16Array(parsed.data.byteLength >> 1)
    const view = new DataView(parsed.data.buffer, parsed.data.byteOffset, parsed.data.byteLength)
    for (let index = 0; index < samples.length; index++) samples[index] = view.getInt16(index * 2, true)
    return resample(samples, parsed.sampleRate, OUTPUT_SAMPLE_RATE)
  })
  pending.catch(() => cache.delete(key))
  cache.set(key, pending)
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  return pending
}

interface Job { resolve: (wav: Uint8Array) => void; reject: (error: Error) => void }
interface SpeechWorker { thread: Worker; jobs: Map<number, Job>; posted: number }

/**
 * mespeak's compiled eSpeak corrupts its in-memory file system after about 80 runs and then
 * takes the whole process down, so each worker is retired after this many syntheses.
 */
const RUNS_PER_WORKER = 50
let current: SpeechWorker | undefined
let nextId = 0

function runJob(text: string, variant: string, wordsPerMinute: number): Promise<Uint8Array> {
  if (!current || current.posted >= RUNS_PER_WORKER) current = startWorker()
  const worker = current
  const id = nextId++
  worker.posted++
  return new Promise((resolve, reject) => {
    worker.jobs.set(id, { resolve, reject })
    worker.thread.ref()
    worker.thread.postMessage({ id, text, variant, wordsPerMinute })
  })
}

function startWorker(): SpeechWorker {
  const require = createRequire(import.meta.url)
  const workerData = {
    mespeakPath: require.resolve('mespeak'),
    configPath: require.resolve('mespeak/src/mespeak_config.json'),
    voicePath: require.resolve('mespeak/voices/en/en-us.json'),
  }
  const worker: SpeechWorker = { thread: new Worker(SYNTH_WORKER_SOURCE, { eval: true, workerData }), jobs: new Map(), posted: 0 }
  const { thread, jobs } = worker
  thread.on('message', (message: { id: number; wav?: Uint8Array; error?: string }) => {
    const job = jobs.get(message.id)
    jobs.delete(message.id)
    if (jobs.size === 0) {
      if (worker.posted >= RUNS_PER_WORKER) void thread.terminate()
      else thread.unref()
    }
    if (!job) return
    if (message.wav) job.resolve(message.wav)
    else job.reject(new Error(`speech synthesis failed: ${message.error ?? 'unknown error'}`))
  })
  const fail = (error: Error) => {
    if (current === worker) current = undefined
    for (const job of jobs.values()) job.reject(error)
    jobs.clear()
  }
  thread.on('error', fail)
  thread.on('exit', (code) => fail(new Error(`speech worker exited with code ${code}`)))
  thread.unref()
  return worker
}
