/** G.711 companding, for Google's MULAW and ALAW encodings. */

export function encodeMulaw(samples: Int16Array): Uint8Array {
  const output = new Uint8Array(samples.length)
  for (let index = 0; index < samples.length; index++) {
    let sample = samples[index] ?? 0
    const sign = sample < 0 ? 0x80 : 0
    if (sample < 0) sample = -sample
    sample = Math.min(sample, 32635) + 0x84
    let exponent = 7
    for (let mask = 0x4000; (sample & mask) === 0 && exponent > 0; mask >>= 1) exponent--
    const mantissa = (sample >> (exponent + 3)) & 0x0f
    output[index] = ~(sign | (exponent << 4) | mantissa) & 0xff
  }
  return output
}

export function encodeAlaw(samples: Int16Array): Uint8Array {
  const output = new Uint8Array(samples.length)
  for (let index = 0; index < samples.length; index++) {
    let sample = samples[index] ?? 0
    let sign = 0x80
    if (sample < 0) {
      sample = -sample - 1
      sign = 0
    }
    let code: number
    if (sample < 256) code = sample >> 4
    else {
      const exponent = Math.floor(Math.log2(sample)) - 7
      code = (exponent << 4) | ((sample >> (exponent + 3)) & 0x0f)
    }
    output[index] = (sign | code) ^ 0x55
  }
  return output
}
