import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toAudioFile } from '../../src/audio/file.ts'
import { TRANSCRIPTION_EXTENSIONS } from '../../src/audio/media-type.ts'
import { clientOptionsSchema } from '../../src/options/client-options.ts'
import { speechParams, speechParamsSchema } from '../../src/speech/params.ts'
import { transcriptionParamsSchema } from '../../src/transcription/params.ts'
import { createBoundary, encodeMultipart } from '../../src/transport/multipart.ts'
import { validate } from '../../src/options/validate.ts'
import { parsePcmMediaType, pcmLayoutProblem, pcmToWav, wavToPcm, writeWavHeader } from '../../src/audio/wav.ts'
import { createPcmStream } from '../../src/playback/pcm-stream.ts'
import { decodeBase64, decodeBase64After, decodeBase64WithTable } from '../../src/util/base64.ts'
import { InvalidRequestError } from '../../src/index.ts'

const onlyTypedErrors = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError)
    expect((error as InvalidRequestError).field).toMatch(/\S/)
  }
}

const speechLike = fc.record(
  {
    model: fc.oneof(fc.string(), fc.constantFrom('tts', 'openai/tts-1'), fc.anything()),
    input: fc.oneof(fc.string({ maxLength: 5000 }), fc.anything()),
    voice: fc.oneof(fc.string(), fc.record({ id: fc.string() }), fc.anything()),
    response_format: fc.oneof(fc.constantFrom('mp3', 'wav', 'pcm', 'ogg'), fc.anything()),
    speed: fc.oneof(fc.double(), fc.anything()),
    timeout: fc.oneof(fc.integer(), fc.anything()),
    headers: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.anything()),
  },
  { requiredKeys: [] },
)

const outcome = (run: () => unknown) => {
  try {
    return { data: run() }
  } catch (error) {
    return { field: (error as InvalidRequestError).field, message: (error as Error).message }
  }
}

describe('a call that repeats no client option is checked by the lean schema, with the same outcome', () => {
  it('for speech parameters, with and without unknown keys', () => {
    const callLike = fc.record(
      {
        model: fc.oneof(fc.constantFrom('tts', 'openai/tts-1'), fc.anything()),
        input: fc.oneof(fc.string({ maxLength: 50 }), fc.anything()),
        stream_format: fc.oneof(fc.constantFrom('audio', 'sse'), fc.anything()),
        extra: fc.anything(),
        signal: fc.anything(),
        extraBody: fc.anything(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(speechLike, callLike), (params) => {
        expect(outcome(() => validate(speechParams.for(params), params))).toEqual(outcome(() => validate(speechParamsSchema, params)))
      }),
      { numRuns: 500 },
    )
    expect(speechParams.for({ model: 'tts', input: 'hi' })).not.toBe(speechParamsSchema)
    expect(speechParams.for({ model: 'tts', input: 'hi', timeout: 5 })).toBe(speechParamsSchema)
  })
})

describe('schemas throw nothing but InvalidRequestError', () => {
  it('for speech parameters', () => {
    fc.assert(fc.property(fc.oneof(speechLike, fc.anything()), (params) => onlyTypedErrors(() => validate(speechParamsSchema, params))), {
      numRuns: 500,
    })
  })

  it('for transcription parameters', () => {
    const transcriptionLike = fc.record(
      {
        model: fc.oneof(fc.string(), fc.anything()),
        file: fc.oneof(fc.uint8Array().map((bytes) => new Blob([bytes])), fc.anything()),
        temperature: fc.oneof(fc.double(), fc.anything()),
        timestamp_granularities: fc.oneof(fc.array(fc.constantFrom('word', 'segment', 'char')), fc.anything()),
        language: fc.oneof(fc.string(), fc.anything()),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(transcriptionLike, fc.anything()), (params) =>
        onlyTypedErrors(() => validate(transcriptionParamsSchema, params)),
      ),
      { numRuns: 500 },
    )
  })

  it('for client options', () => {
    fc.assert(fc.property(fc.anything(), (options) => onlyTypedErrors(() => validate(clientOptionsSchema, options))), {
      numRuns: 500,
    })
  })

  it('for params whose getter answers differently on a second read (a bad value, then a good one)', () => {
    let reads = 0
    const params = { model: 'tts', get input() { return reads++ === 0 ? 42 : 'hello' } }
    expect(() => validate(speechParams.for(params), params)).toThrow(InvalidRequestError)
  })
})

describe('file names for uploads', () => {
  const mediaType = fc.oneof(
    fc.constantFrom('audio/webm;codecs=opus', 'audio/mp4', 'audio/x-wav', 'audio/mpeg', 'video/webm', 'AUDIO/OGG; codecs=vorbis'),
    fc.string(),
    fc.tuple(fc.constantFrom('audio', 'video', 'text', 'application'), fc.stringMatching(/^[a-z0-9.+-]{1,12}$/), fc.string())
      .map(([type, subtype, params]) => `${type}/${subtype}${params ? `;${params}` : ''}`),
  )

  it('always end in an extension servers accept, or the file is refused with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(mediaType, fc.option(fc.string()), fc.uint8Array({ minLength: 1, maxLength: 32 }), async (type, name, bytes) => {
        const file = name === null ? new Blob([bytes], { type }) : new File([bytes], name, { type })
        try {
          const prepared = await toAudioFile(file)
          const extension = prepared.filename.split('.').at(-1)!
          expect(TRANSCRIPTION_EXTENSIONS).toContain(extension)
          expect(prepared.blob.size).toBe(bytes.byteLength)
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidRequestError)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('multipart bodies', () => {
  const fieldName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_[\]]{0,15}$/)

  it('parse back to the same fields and file bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fieldName, fc.string()), { maxLength: 6 }),
        fc.uint8Array({ minLength: 1, maxLength: 4096 }),
        fc.stringMatching(/^[\w -]{1,20}\.wav$/),
        async (fields, bytes, filename) => {
          const body = encodeMultipart({ fields, file: { field: 'file', blob: new Blob([bytes]), filename, mediaType: 'audio/wav' } }, createBoundary())
          const form = await new Response(body, { headers: { 'content-type': body.type } }).formData()
          const parsed = [...form.entries()].filter(([name]) => name !== 'file')
          expect(parsed).toEqual(fields.map(([name, value]) => [name, value.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n')]))
          const file = form.get('file') as File
          expect(file.name).toBe(filename)
          expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('WAV wrapping of PCM', () => {
  const format = fc.record({
    sampleRate: fc.constantFrom(8_000, 16_000, 22_050, 24_000, 44_100, 48_000),
    channels: fc.integer({ min: 1, max: 2 }),
    bitsPerSample: fc.constant(16),
  })

  it('round-trips any PCM, split into any chunks, with the header fields a player reads', () => {
    fc.assert(
      fc.property(format, fc.array(fc.uint8Array({ maxLength: 2048 }), { maxLength: 5 }), (pcmFormat, chunks) => {
        const wav = pcmToWav(chunks, pcmFormat)
        const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
        const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength)
        expect(String.fromCharCode(...wav.subarray(0, 4), ...wav.subarray(8, 12))).toBe('RIFFWAVE')
        expect(view.getUint32(4, true)).toBe(wav.byteLength - 8)
        expect(view.getUint16(22, true)).toBe(pcmFormat.channels)
        expect(view.getUint32(24, true)).toBe(pcmFormat.sampleRate)
        expect(view.getUint32(28, true)).toBe(pcmFormat.sampleRate * pcmFormat.channels * 2)
        const back = wavToPcm(wav)
        expect(back?.format).toEqual(pcmFormat)
        expect(back?.pcm).toEqual(new Uint8Array(chunks.flatMap((chunk) => [...chunk])))
        expect(back?.pcm.byteLength).toBe(total)
      }),
      { numRuns: 300 },
    )
  })

  it('never wraps a field: any rate and channel count in a MIME type is written exactly, or refused', () => {
    const number = fc.oneof(fc.nat(), fc.integer({ min: 0, max: 2 ** 33 }), fc.constantFrom(0, 65_536, 2 ** 32, 1e300, -1))
    fc.assert(
      fc.property(number, number, (rate, channels) => {
        const format = parsePcmMediaType(`audio/L16;codec=pcm;rate=${rate};channels=${channels}`)!
        const header = new Uint8Array(44)
        if (pcmLayoutProblem(format)) {
          expect(() => writeWavHeader(header, 0, format)).toThrow(RangeError)
          return
        }
        writeWavHeader(header, 0, format)
        const view = new DataView(header.buffer)
        expect([view.getUint16(22, true), view.getUint32(24, true)]).toEqual([format.channels, format.sampleRate])
        expect(view.getUint32(28, true)).toBe(format.sampleRate * format.channels * 2)
      }),
      { numRuns: 500 },
    )
  })

  it('a WAV header with any field values never hangs the player and never plays what it cannot be', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65_535 }), fc.nat({ max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 65_535 }), fc.uint8Array({ maxLength: 256 }), fc.nat(300), (channels, rate, bits, samples, cut) => {
        const wav = pcmToWav([samples])
        const view = new DataView(wav.buffer)
        view.setUint16(22, channels, true)
        view.setUint32(24, rate, true)
        view.setUint16(34, bits, true)
        const stream = createPcmStream('audio/wav')
        const decoded = [stream.push(wav.slice(0, cut)), stream.push(wav.slice(cut))].filter((frames) => frames !== undefined)
        const plausible = !pcmLayoutProblem({ channels, sampleRate: rate, bitsPerSample: bits }) && bits === 16
        expect(stream.unsupported).toBe(!plausible)
        for (const frames of decoded) {
          expect(frames.channels).toHaveLength(channels)
          expect(frames.sampleRate).toBe(rate)
          expect(frames.channels[0]!.length).toBeLessThanOrEqual(samples.length / 2)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('refuses base64 with characters outside the alphabet instead of skipping them', () => {
    expect(() => decodeBase64('AAAA@@@@')).toThrow(/Invalid base64/)
    expect(decodeBase64('AAAA\nAAAA')).toEqual(new Uint8Array(6))
  })

  it('decodes any base64 exactly like the platform', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64')
        expect(decodeBase64WithTable(text)).toEqual(new Uint8Array(bytes))
        expect(decodeBase64(text)).toEqual(new Uint8Array(bytes))
      }),
      { numRuns: 300 },
    )
  })
})

describe('decoding base64 behind a header', () => {
  it('leaves the header room zeroed and decodes exactly, whatever the input shape', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 0, max: 64 }), fc.boolean(), (bytes, offset, urlSafe) => {
        const text = Buffer.from(bytes).toString(urlSafe ? 'base64url' : 'base64')
        const out = decodeBase64After(offset, text)
        expect(out.byteLength).toBe(offset + bytes.byteLength)
        expect(out.subarray(0, offset).every((byte) => byte === 0)).toBe(true)
        expect(out.subarray(offset)).toEqual(new Uint8Array(bytes))
      }),
      { numRuns: 300 },
    )
  })
})
