/**
 * CPython's `repr(float)`, which LiteLLM's f-strings print: the fewest significant digits that
 * read back as the same double, `.0` on whole numbers, exponent form when the exponent is below
 * -4 or at least 16 (CPython Python/pystrtod.c, `float_repr_style` 'short': mode 'r').
 * Found here by trying precisions 1 to 17, independently of the client's own formatter.
 */
export function pythonRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  let precise = value.toPrecision(17)
  for (let digits = 1; digits <= 17; digits++) {
    const candidate = value.toPrecision(digits)
    if (Number(candidate) === value) {
      precise = halfEven(value, digits, candidate)
      break
    }
  }
  const sign = value < 0 ? '-' : ''
  const [mantissa = '', exponentPart] = precise.replace(/^-/, '').split('e')
  const [integer = '', fraction = ''] = mantissa.split('.')
  // Normalize to d.ddd × 10^exponent.
  let exponent = exponentPart === undefined ? 0 : Number(exponentPart)
  let digits = (integer + fraction).replace(/^0+/, '')
  if (exponentPart === undefined) exponent = integer !== '0' ? integer.length - 1 : -(fraction.length - fraction.replace(/^0+/, '').length) - 1
  digits = digits.replace(/0+$/, '') || '0'
  if (exponent < -4 || exponent >= 16) {
    const rest = digits.slice(1)
    return `${sign}${digits[0]}${rest ? `.${rest}` : ''}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  const scaled = exponent >= 0
    ? `${digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')}.${digits.slice(exponent + 1) || '0'}`
    : `0.${'0'.repeat(-exponent - 1)}${digits}`
  return sign + scaled
}

/**
 * toPrecision rounds an exact tie up; CPython's dtoa rounds it to even. A tie shows in the exact
 * expansion (toPrecision(100)) as a 5 and then only zeros after the kept digits.
 */
function halfEven(value: number, digits: number, roundedUp: string): string {
  const exact = value.toPrecision(100)
  const significant = exact.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '')
  if (!/^50*$/.test(significant.slice(digits))) return roundedUp
  const kept = significant.slice(0, digits)
  if (Number(kept.at(-1)) % 2 !== 0) return roundedUp
  // The kept digit is even, so rounding up only added one to it (no carry): take that one back.
  const down = roundedUp.replace(/(\d)(e[+-]\d+)?$/, (_, digit: string, exponent = '') => `${Number(digit) - 1}${exponent}`)
  return Number(down) === value ? down : roundedUp
}
