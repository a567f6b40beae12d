/** Reads the microphone's loudness for a meter. */
export interface InputLevel {
  /** 0 at -60 dBFS or quieter, 1 at full scale, linear in dB between (the RMS of the last ~20 ms). */
  read(): number
  close(): void
}

const FLOOR_DB = -60

/**
 * An AudioContext for the meter, made (and resumed) while still in the user's gesture: autoplay
 * policies may keep a context made later suspended, and a suspended analyser reads silence.
 */
export function createMeterContext(): AudioContext | undefined {
  const AudioContextClass = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (!AudioContextClass) return undefined
  const context = new AudioContextClass()
  if (context.state === 'suspended') context.resume().catch(() => {})
  return context
}

/** A level meter over an AnalyserNode in `context` (which its owner closes). */
export function createInputLevel(context: AudioContext, stream: MediaStream): InputLevel {
  const source = context.createMediaStreamSource(stream)
  const analyser = context.createAnalyser()
  analyser.fftSize = 1024
  source.connect(analyser)
  const samples = new Float32Array(analyser.fftSize)
  return {
    read() {
      analyser.getFloatTimeDomainData(samples)
      return levelOf(samples)
    },
    close() {
      source.disconnect()
    },
  }
}

/** RMS of the samples on the meter's scale (see `InputLevel.read`). */
export function levelOf(samples: Float32Array): number {
  let sum = 0
  for (const sample of samples) sum += sample * sample
  const rms = Math.sqrt(sum / (samples.length || 1))
  if (rms <= 0) return 0
  const db = 20 * Math.log10(rms)
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB))
}
