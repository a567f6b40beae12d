/** Linear-interpolation resampler for mono s16 PCM; plenty for emulated speech. */
export function resample(input: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate || input.length === 0) return input.slice()
  const length = Math.max(1, Math.round((input.length * toRate) / fromRate))
  const output = new Int16Array(length)
  const step = fromRate / toRate
  for (let index = 0; index < length; index++) {
    const position = index * step
    const left = Math.floor(position)
    const fraction = position - left
    const a = input[Math.min(left, input.length - 1)] ?? 0
    const b = input[Math.min(left + 1, input.length - 1)] ?? 0
    output[index] = Math.round(a + (b - a) * fraction)
  }
  return output
}
