import { describe, expect, it } from 'vitest'
import { createResampler } from '../../../src/record/resampler.ts'

function tone(frequency: number, rate: number, seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, index) => Math.sin((2 * Math.PI * frequency * index) / rate))
}

function resampleInBlocks(input: Float32Array, from: number, to: number, block: number): Float32Array {
  const resampler = createResampler(from, to)
  const parts: Float32Array[] = []
  for (let offset = 0; offset < input.length; offset += block) parts.push(resampler.push(input.subarray(offset, offset + block)))
  parts.push(resampler.flush())
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const rms = (samples: Float32Array) => Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length)

describe('createResampler', () => {
  it.each([[48_000, 16_000], [44_100, 16_000], [22_050, 16_000], [16_000, 48_000]])('%i → %i Hz gives exactly the right number of samples, whatever the block size', (from, to) => {
    const input = tone(440, from, 1.37)
    for (const block of [128, 2048, 4096]) expect(resampleInBlocks(input, from, to, block).length).toBe(Math.floor((input.length * to) / from))
  })

  it('keeps a 1 kHz tone at its level and phase (48 → 16 kHz)', () => {
    const out = resampleInBlocks(tone(1000, 48_000, 1), 48_000, 16_000, 2048)
    const expected = tone(1000, 16_000, 1)
    const middle = (samples: Float32Array) => samples.subarray(1000, 15_000)
    expect(rms(middle(out))).toBeCloseTo(rms(middle(expected)), 2)
    const error = middle(out).map((sample, index) => sample - middle(expected)[index]!)
    expect(rms(error)).toBeLessThan(0.01)
  })

  it('removes what would fold back: a 12 kHz tone (above the new 8 kHz Nyquist) is attenuated by at least 40 dB', () => {
    const out = resampleInBlocks(tone(12_000, 48_000, 1), 48_000, 16_000, 2048)
    expect(20 * Math.log10(rms(out.subarray(1000, 15_000)) / Math.SQRT1_2)).toBeLessThan(-40)
  })
})
