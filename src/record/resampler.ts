/** Turns a stream of float samples at one rate into another, chunk by chunk. */
export interface Resampler {
  /** Resamples the next chunk; returns the output samples it completes. */
  push(input: Float32Array): Float32Array
  /** The samples still held back (the filter's lookahead), padded with silence; the resampler is spent. */
  flush(): Float32Array
}

/** Half the kernel length in output-rate samples: 16 lobes is a -60 dB-class filter, cheap enough. */
const LOBES = 16

/**
 * A band-limited resampler: each output sample is the input convolved with a Blackman-windowed
 * sinc whose cutoff sits just under the lower Nyquist frequency, so downsampling 48 kHz to 16 kHz
 * does not fold the 8–24 kHz band back into speech. The rates are integers, so output sample `k`
 * lies at input position `k·from/to` exactly: `to/gcd` filter phases, each built once.
 */
export function createResampler(fromRate: number, toRate: number): Resampler {
  if (fromRate === toRate) {
    return { push: (input) => input.slice(), flush: () => new Float32Array(0) }
  }
  const divisor = gcd(fromRate, toRate)
  const step = fromRate / divisor // input samples per `phases` outputs
  const phases = toRate / divisor
  const scale = Math.min(1, toRate / fromRate)
  const cutoff = scale * 0.94
  const half = Math.ceil(LOBES / scale) // kernel half-width in input samples
  const kernels = new Map<number, Float32Array>()
  const kernel = (phase: number): Float32Array => {
    let weights = kernels.get(phase)
    if (weights) return weights
    weights = new Float32Array(2 * half)
    const fraction = phase / phases
    let sum = 0
    for (let tap = 0; tap < 2 * half; tap++) {
      const distance = tap - half + 1 - fraction
      const x = distance * cutoff
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)
      const position = (distance + half) / (2 * half)
      const window = 0.42 - 0.5 * Math.cos(2 * Math.PI * position) + 0.08 * Math.cos(4 * Math.PI * position)
      weights[tap] = sinc * Math.max(0, window)
      sum += weights[tap]!
    }
    for (let tap = 0; tap < weights.length; tap++) weights[tap]! /= sum
    kernels.set(phase, weights)
    return weights
  }

  // `history` holds input from absolute index `base`; output `produced` is due at input
  // position produced·step/phases and needs `half` samples after it.
  let history = new Float32Array(4096)
  let held = half - 1 // the kernel reaches back before the first sample: silence there
  let base = -(half - 1)
  let produced = 0
  let received = 0

  function append(input: Float32Array): void {
    if (held + input.length > history.length) {
      const grown = new Float32Array(Math.max(history.length * 2, held + input.length))
      grown.set(history.subarray(0, held))
      history = grown
    }
    history.set(input, held)
    held += input.length
  }

  function drain(limit: number): Float32Array {
    const output: number[] = []
    for (;;) {
      const whole = Math.floor((produced * step) / phases)
      if (produced >= limit || whole + half >= base + held) break
      const weights = kernel((produced * step) % phases)
      const start = whole - half + 1 - base
      let sum = 0
      for (let tap = 0; tap < weights.length; tap++) sum += history[start + tap]! * weights[tap]!
      output.push(sum)
      produced++
    }
    // Drop what no later output reaches.
    const keepFrom = Math.floor((produced * step) / phases) - half + 1 - base
    if (keepFrom > 0) {
      history.copyWithin(0, keepFrom, held)
      held -= keepFrom
      base += keepFrom
    }
    return Float32Array.from(output)
  }

  return {
    push(input) {
      received += input.length
      append(input)
      return drain(Infinity)
    },
    flush() {
      append(new Float32Array(half + 1))
      return drain(Math.floor((received * phases) / step))
    },
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}
