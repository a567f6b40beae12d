/** How pauses are found (energy only: no neural voice detector). */
export interface PauseOptions {
  /** Quiet this long after speech ends a piece; shorter gaps (a breath, a comma) do not. @default 600 */
  pauseMs?: number
  /** How far above the noise floor a frame must be to count as voice, in dB. @default 10 */
  thresholdDb?: number
  /** Frames quieter than this (dBFS) never count as voice, however quiet the room. @default -55 */
  minVoiceDb?: number
  /** The noise floor is the quietest frame of this last stretch, so it follows a room getting louder or quieter. @default 3000 */
  floorWindowMs?: number
  /** A piece is not cut at a pause before it is this long. @default 1000 */
  minPieceMs?: number
  /** A piece is cut at its quietest point before it grows past this. @default 30000 */
  maxPieceMs?: number
  /**
   * Quiet kept before and after a piece's voice (at most `pauseMs`); the rest of a pause is a
   * silent piece, never sent: it costs upload time, and Whisper-like models invent words in silence.
   * @default 300, as OpenAI's own voice detection pads speech (`prefix_padding_ms`)
   */
  paddingMs?: number
}

/** A closed span of the recording, in samples: `[start, end)`. */
export interface Cut {
  start: number
  end: number
  /** Voice was heard in it (a piece without voice is not transcribed). */
  speech: boolean
  reason: 'pause' | 'max-length' | 'end'
}

export interface PauseDetector {
  /** Feeds the next samples; returns the pieces they close, in order. */
  push(samples: Float32Array): Cut[]
  /**
   * The recording is ending (samples may still be on their way): closes the open piece now if its
   * voice ended at least `paddingMs` ago, as a pause would; the quiet after it stays open for `finish()`.
   */
  closeSpeech(): Cut[]
  /** The recording ended: closes the last piece (if it has any samples). */
  finish(): Cut[]
}

const FRAME_MS = 20
/** Voice shorter than this in a piece (a click, a knock) does not make it speech; quiet shorter than this is not a piece of its own. */
const MIN_VOICE_MS = 100
const FLOOR_DB = -100
/**
 * The floor assumed until a whole floor window was heard, so speech from the first frame (the
 * person already talking) is not taken for the room's noise.
 */
const FIRST_FLOOR_DB = -50

interface Frame {
  db: number
  voiced: boolean
}

/**
 * Voice-activity cutting from frame energy (20 ms RMS, in dBFS): a frame is voice when it is
 * `thresholdDb` over the adaptive floor and over `minVoiceDb`. A piece closes `paddingMs` after
 * its voice at the first pause of `pauseMs` once it is `minPieceMs` long, and at the quietest
 * frame of its last sixth when it reaches `maxPieceMs`; quiet before a piece's first voice, past
 * `paddingMs`, becomes a piece of its own (not sent). Pieces tile the recording: each starts where
 * the previous ended.
 */
export function createPauseDetector(sampleRate: number, options: PauseOptions = {}): PauseDetector {
  const pauseFrames = Math.max(1, Math.round((options.pauseMs ?? 600) / FRAME_MS))
  const thresholdDb = options.thresholdDb ?? 10
  const minVoiceDb = options.minVoiceDb ?? -55
  const floorFrames = Math.max(1, Math.round((options.floorWindowMs ?? 3000) / FRAME_MS))
  const minFrames = Math.round((options.minPieceMs ?? 1000) / FRAME_MS)
  const maxFrames = Math.max(minFrames + pauseFrames, Math.round((options.maxPieceMs ?? 30_000) / FRAME_MS))
  const minVoiceFrames = Math.ceil(MIN_VOICE_MS / FRAME_MS)
  const padFrames = Math.min(pauseFrames, Math.round((options.paddingMs ?? 300) / FRAME_MS))
  const frameLength = Math.max(1, Math.round((sampleRate * FRAME_MS) / 1000))

  let partial = new Float32Array(frameLength)
  let partialLength = 0
  let total = 0 // samples seen
  let pieceStart = 0 // sample where the open piece starts (a frame boundary, or the recording's end)
  const frames: Frame[] = [] // frames of the open piece
  const recent: number[] = [] // energies of the last floorWindow frames, for the floor
  let heardFrames = 0

  const voicedCount = () => frames.reduce((count, frame) => count + (frame.voiced ? 1 : 0), 0)
  const lastVoiced = () => {
    for (let index = frames.length - 1; index >= 0; index--) if (frames[index]!.voiced) return index
    return -1
  }
  const frameStart = (index: number) => pieceStart + index * frameLength

  function close(endFrame: number, reason: Cut['reason'], speech: boolean): Cut {
    const end = frameStart(endFrame)
    const cut: Cut = { start: pieceStart, end, speech, reason }
    frames.splice(0, endFrame)
    pieceStart = end
    return cut
  }

  function onFrame(db: number, cuts: Cut[]): void {
    recent.push(db)
    if (recent.length > floorFrames) recent.shift()
    heardFrames++
    const floor = heardFrames < floorFrames ? Math.min(FIRST_FLOOR_DB, ...recent) : Math.min(...recent)
    const voiced = db >= minVoiceDb && db >= floor + thresholdDb
    frames.push({ db, voiced })

    const firstVoice = frames.findIndex((frame) => frame.voiced)
    // Quiet before the first voice: cut it off as a silent piece once voice starts, leaving the padding before it.
    if (voiced && voicedCount() === 1 && firstVoice - padFrames >= minVoiceFrames) {
      cuts.push(close(firstVoice - padFrames, 'pause', false))
    }
    const speech = voicedCount() >= minVoiceFrames
    const lastVoice = lastVoiced()
    const quietFrames = frames.length - 1 - lastVoice
    if (speech && quietFrames >= pauseFrames) {
      const end = lastVoice + 1 + padFrames
      if (end >= minFrames) return void cuts.push(close(end, 'pause', true))
    }
    if (frames.length >= maxFrames) {
      if (!speech) return void cuts.push(close(frames.length, 'max-length', false))
      // The quietest frame of the last sixth (a long breath, most likely), so a word is not split.
      const from = frames.length - Math.max(1, Math.floor(maxFrames / 6))
      let quietest = from
      for (let index = from; index < frames.length; index++) if (frames[index]!.db < frames[quietest]!.db) quietest = index
      const before = frames.slice(0, quietest)
      cuts.push(close(quietest, 'max-length', before.filter((frame) => frame.voiced).length >= minVoiceFrames))
    }
  }

  return {
    push(samples) {
      const cuts: Cut[] = []
      for (let index = 0; index < samples.length; ) {
        const count = Math.min(frameLength - partialLength, samples.length - index)
        partial.set(samples.subarray(index, index + count), partialLength)
        partialLength += count
        index += count
        total += count
        if (partialLength === frameLength) {
          let sum = 0
          for (const sample of partial) sum += sample * sample
          const rms = Math.sqrt(sum / frameLength)
          onFrame(rms > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(rms)) : FLOOR_DB, cuts)
          partialLength = 0
        }
      }
      return cuts
    },
    closeSpeech() {
      const end = lastVoiced() + 1 + padFrames
      return voicedCount() >= minVoiceFrames && end <= frames.length ? [close(end, 'end', true)] : []
    },
    finish() {
      if (total <= pieceStart) return []
      const cut: Cut = { start: pieceStart, end: total, speech: voicedCount() >= minVoiceFrames, reason: 'end' }
      pieceStart = total
      frames.length = 0
      partial = new Float32Array(frameLength)
      partialLength = 0
      return [cut]
    },
  }
}
