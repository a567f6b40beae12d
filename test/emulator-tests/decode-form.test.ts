import { describe, expect, it } from 'vitest'
import { decodeForm } from '../emulator/decode-form.ts'

// openai/openai-node src/internal/uploads.ts (addFormValue) writes arrays as name[] and objects
// as name[key]; the emulator reads them back the same way.
describe('decodeForm', () => {
  it('reads name[] as an array and name[key] as an object, nested either way', () => {
    expect(decodeForm({
      model: 'whisper-1',
      'include[]': ['logprobs'],
      'known_speaker_names[]': ['agent', 'customer'],
      'chunking_strategy[type]': 'server_vad',
      'chunking_strategy[threshold]': '0.4',
      'metadata[tags][]': ['a', 'b'],
      'metadata[depth][level]': '2',
    })).toEqual({
      model: 'whisper-1',
      include: ['logprobs'],
      known_speaker_names: ['agent', 'customer'],
      chunking_strategy: { type: 'server_vad', threshold: '0.4' },
      metadata: { tags: ['a', 'b'], depth: { level: '2' } },
    })
  })

  it('keeps plain names, repeated plain names and JSON text as they came', () => {
    expect(decodeForm({ prompt: 'Hi', timestamp_granularities: ['word', 'segment'], chunking_strategy: '{"type":"auto"}' }))
      .toEqual({ prompt: 'Hi', timestamp_granularities: ['word', 'segment'], chunking_strategy: '{"type":"auto"}' })
  })

  it('leaves arrays of objects under their raw names (no single reading)', () => {
    expect(decodeForm({ 'rows[][id]': '1' })).toEqual({ 'rows[][id]': '1' })
  })
})
