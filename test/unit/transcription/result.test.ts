import { describe, expect, it } from 'vitest'
import { parseTranscriptionBody } from '../../../src/transcription/result.ts'

// Answer shapes from openai/openai-openapi openapi.yaml: CreateTranscriptionResponseJson,
// CreateTranscriptionResponseVerboseJson, CreateTranscriptionResponseDiarizedJson.
describe('parseTranscriptionBody', () => {
  it('reads a diarized_json answer: segments keep their speaker and string id', () => {
    const body = {
      task: 'transcribe', duration: 12.8, text: 'Thanks for calling. Hi.',
      segments: [
        { type: 'transcript.text.segment', id: 'seg_001', start: 0, end: 5.2, text: 'Thanks for calling.', speaker: 'agent' },
        { type: 'transcript.text.segment', id: 'seg_002', start: 5.2, end: 12.8, text: 'Hi.', speaker: 'A' },
      ],
      usage: { type: 'duration', seconds: 13 },
    }
    const fields = parseTranscriptionBody(JSON.stringify(body), 'application/json', 'diarized_json')
    expect(fields).toMatchObject({ text: body.text, duration: 12.8, usage: body.usage, raw: body })
    expect(typeof fields === 'object' && fields.segments?.map((segment) => [segment.id, segment.speaker])).toEqual([['seg_001', 'agent'], ['seg_002', 'A']])
  })

  it('reads logprobs from a json answer', () => {
    const logprobs = [{ token: 'Hi', logprob: -0.01, bytes: [72, 105] }]
    expect(parseTranscriptionBody(JSON.stringify({ text: 'Hi', logprobs }), 'application/json', 'json')).toMatchObject({ logprobs })
  })

  it.each(['json', 'verbose_json', 'diarized_json'] as const)('never takes broken JSON for a %s transcript', (format) => {
    for (const body of ['{"text": "Hel', 'Hello there', '', '<html>502</html>']) {
      expect(parseTranscriptionBody(body, 'application/json', format)).toEqual(expect.stringContaining('not valid JSON'))
    }
  })

  it('keeps text, srt and vtt as text, even when it starts like JSON', () => {
    expect(parseTranscriptionBody('{just words', 'text/plain', 'text')).toEqual({ text: '{just words', raw: '{just words' })
    expect(parseTranscriptionBody('WEBVTT\n\n', 'text/plain', 'vtt')).toMatchObject({ text: 'WEBVTT\n\n' })
    expect(parseTranscriptionBody('{"text":"1\\n00:00"}', 'application/json', 'srt')).toMatchObject({ text: '1\n00:00' })
  })

  it('gives a reason for JSON without text', () => {
    expect(parseTranscriptionBody('{"segments":[]}', 'application/json', 'json')).toBe('no transcript text in it')
  })
})
