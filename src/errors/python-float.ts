/**
 * A finite number as Python's `repr(float)` / f-string prints it, so messages LiteLLM builds with
 * `f"{size_in_mb}"` come out byte for byte: the shortest digits that round-trip, `.0` on whole
 * numbers, and exponent form (`9.5367431640625e-05`, `1e+16`) below 1e-4 and from 1e16.
 * (Sizes and validated limits are never NaN or infinite, so those are not handled.)
 */
export function pythonFloat(value: number): string {
  // Both toExponential() and String() give the shortest round-trip digits, as Python's repr does;
  // String() writes them out in full from 1e-7 to 1e21, which covers Python's fixed range.
  const [mantissa = '', power = ''] = value.toExponential().split('e')
  if (+power < -4 || +power > 15) return `${mantissa}e${power[0]}${power.slice(1).padStart(2, '0')}`
  const fixed = Object.is(value, -0) ? '-0' : String(value)
  return fixed.includes('.') ? fixed : `${fixed}.0`
}
