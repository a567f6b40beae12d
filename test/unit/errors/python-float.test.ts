import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pythonFloat } from '../../../src/errors/python-float.ts'

// Each string is what CPython 3.11 printed for repr(x); Number(string) is that same double, since
// repr round-trips. Collected once with python3 (whole numbers, the exponent edges, byte sizes
// over 1024 * 1024 as LiteLLM's check_file_size_under_limit divides them, random doubles).
const PYTHON_REPRS = [
  '0.0', '-0.0', '1.0', '2.0', '25.0', '10.0', '100.0', '1.5', '-2.5', '0.5', '0.1', '0.001',
  '0.30000000000000004', '0.0001', '9.99e-05', '1e-05', '1e-07', '1e+16', '9999999999999998.0',
  '1000000000000000.0', '123456789012345.6', '5e-324', '1.7976931348623157e+308', '1e+22', '1e+21',
  '1234.5678', '9.5367431640625e-07', '9.5367431640625e-05', '0.0009756088256835938', '1.430511474609375',
  '0.7393083572387695', '0.7392807006835938', '25.000000953674316', '2.86102294921875e-06', '1.0000009536743164',
  '0.061321523318672126', '1.3853941251445524e-14', '6.766435653450718e+24', '5.027820800522084e-10',
  '700098298.7947446', '3790196043954357.0', '946215439230359.5', '7.25065368582209e+29',
  '1.6842797575900102e-21', '87.1725424556656', '633275.7155753266', '38366484485264.82',
  '8.872639618938374e+16', '2243010753818.3286', '4.21755395006955e+19', '5.478935611108471e-06',
  '8.458064682164172e-07', '0.0007362335987866716', '387462.3188618087', '5.787002980535503e+17',
  '9209.263190491158', '6.3871753785683e-19', '6.689373516863084e-96', '-2.035067317508819e-174',
  '-1.5650711012809848e+257', '-9.170358313415702e-241', '7.555914239871082e+22', '-1.790677560941158e+302',
  '-2.6068846814700167e-55', '1.0413094331397361e-16', '1.8714031635403543e+143', '-4.725762513216892e+30',
]

// bytes → repr(bytes / (1024 * 1024)), from CPython.
const PYTHON_MEGABYTES: Array<[number, string]> = [
  [1, '9.5367431640625e-07'], [3, '2.86102294921875e-06'], [100, '9.5367431640625e-05'],
  [1023, '0.0009756088256835938'], [524_288, '0.5'], [775_192, '0.7392807006835938'],
  [775_221, '0.7393083572387695'], [1_048_576, '1.0'], [1_048_577, '1.0000009536743164'],
  [1_500_000, '1.430511474609375'], [1_572_864, '1.5'], [2_097_152, '2.0'], [26_214_400, '25.0'],
  [26_214_401, '25.000000953674316'],
]

describe('pythonFloat prints numbers as CPython repr(float) does', () => {
  it.each(PYTHON_REPRS)('%s', (repr) => {
    expect(pythonFloat(Number(repr))).toBe(repr)
  })

  it.each(PYTHON_MEGABYTES)('%i bytes / (1024 * 1024) → %s', (bytes, repr) => {
    expect(pythonFloat(bytes / (1024 * 1024))).toBe(repr)
  })

  it('round-trips every double, with the shortest digits, in the notation Python picks', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = pythonFloat(value)
        expect(Object.is(Number(text), value)).toBe(true)
        const magnitude = Math.abs(value)
        if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e16)) {
          expect(text).toMatch(/^-?\d(\.\d+)?e[+-]\d{2,3}$/)
        } else {
          expect(text).toMatch(/^-?\d+\.\d+$/)
        }
        // Shortest: as many significant digits as JavaScript's own shortest round-trip form.
        const significant = (form: string) => form.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '')
        expect(significant(text)).toBe(significant(value.toExponential()))
      }),
      { numRuns: 2000 },
    )
  })
})
