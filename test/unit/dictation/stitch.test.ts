import { describe, expect, it } from 'vitest'
import type { DictationPiece } from '../../../src/dictation/state.ts'
import { promptTail, stitch } from '../../../src/dictation/stitch.ts'

const piece = (index: number, status: DictationPiece['status'], text = ''): DictationPiece => ({
  index, status, text, startMs: index * 2000, endMs: index * 2000 + 2000, startSample: index * 32_000, endSample: (index + 1) * 32_000, reason: 'pause', closedAt: 0,
})

describe('stitch', () => {
  it('commits in order only: a piece that finished ahead of an earlier one waits in partialText', () => {
    expect(stitch([piece(0, 'done', 'One.'), piece(1, 'transcribing', 'Two so'), piece(2, 'done', 'Three.')])).toEqual({ text: 'One.', partialText: 'Two so Three.' })
    expect(stitch([piece(0, 'done', 'One.'), piece(1, 'done', ' Two. '), piece(2, 'done', 'Three.')])).toEqual({ text: 'One. Two. Three.', partialText: '' })
  })

  it('marks a failed piece in the text with its times, and skips silent ones', () => {
    expect(stitch([piece(0, 'silent'), piece(1, 'failed'), piece(2, 'done', 'Three.')]).text).toBe('[untranscribed 2.0–4.0 s] Three.')
  })
})

describe('promptTail', () => {
  it('keeps short text whole and cuts long text to its last characters at a word boundary', () => {
    expect(promptTail('Ada Lovelace wrote', 600)).toBe('Ada Lovelace wrote')
    expect(promptTail('alpha beta gamma delta', 12)).toBe('gamma delta')
    expect(promptTail('alpha beta gamma delta', 11).length).toBeLessThanOrEqual(11)
  })
})
