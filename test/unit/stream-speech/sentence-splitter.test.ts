import { describe, expect, it } from 'vitest'
import { createSentenceSplitter, limit } from '../../../src/stream-speech/sentence-splitter.ts'

const options = { locale: 'en', minChars: 20, maxChars: 120, firstClauseChars: 20 }

/** Feeds `text` in chunks of `size` and notes after which chunk each piece came out. */
function split(text: string, size: number, overrides: Partial<typeof options> = {}) {
  const splitter = createSentenceSplitter({ ...options, ...overrides })
  const pieces: { text: string; at: number }[] = []
  for (let start = 0; start < text.length; start += size) {
    for (const piece of splitter.push(text.slice(start, start + size))) pieces.push({ text: piece, at: start + size })
  }
  for (const piece of splitter.end()) pieces.push({ text: piece, at: Number.POSITIVE_INFINITY })
  return pieces
}

describe('createSentenceSplitter', () => {
  it('gives each sentence as soon as the text after it shows it ended, whatever the chunking', () => {
    const text = 'The weather is fine today. We should go for a walk. Bring a coat!'
    for (const size of [1, 3, 7, 100]) {
      expect(split(text, size).map((piece) => piece.text)).toEqual(['The weather is fine today.', 'We should go for a walk.', 'Bring a coat!'])
    }
    const pieces = split(text, 1)
    expect(pieces[0]!.at).toBe('The weather is fine today. W'.length)
  })

  it('does not end a sentence at an abbreviation or an initial', () => {
    const text = 'Dr. Smith met Mr. J. R. Tolkien at noon. They talked, e.g. about maps. It cost 3.50 dollars.'
    expect(split(text, 4).map((piece) => piece.text)).toEqual([
      'Dr. Smith met Mr. J. R. Tolkien at noon.', 'They talked, e.g. about maps.', 'It cost 3.50 dollars.',
    ])
  })

  it('joins sentences shorter than minChars with the next', () => {
    expect(split('Sure! Yes. Here is the long answer you asked for.', 5).map((piece) => piece.text)).toEqual(['Sure! Yes. Here is the long answer you asked for.'])
  })

  it('starts with the first clause of a long first sentence, before the sentence ends', () => {
    const text = 'Well, to answer that properly, we have to look at how sentences are cut in a stream of text. Then more.'
    const pieces = split(text, 2)
    expect(pieces[0]).toEqual({ text: 'Well, to answer that properly,', at: 'Well, to answer that properly, '.length + 1 })
    expect(pieces.slice(1).map((piece) => piece.text)).toEqual(['we have to look at how sentences are cut in a stream of text.', 'Then more.'])
  })

  it('splits sentences longer than maxChars at a clause, else between words, never past the limit', () => {
    const long = `${'word '.repeat(40)}and then, after a comma, ${'more words '.repeat(10)}end.`
    const pieces = split(long, 9, { maxChars: 100 })
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(100)
    expect(pieces.map((piece) => piece.text).join(' ')).toBe(long.replace(/\s+/g, ' ').trim())
    expect(limit('a'.repeat(250), 100).map((piece) => piece.length)).toEqual([100, 100, 50])
  })

  it('finds sentences in Chinese, Japanese and German text', () => {
    expect(split('这是第一句话。这是第二句！第三句很短吗？', 2, { locale: 'zh', minChars: 4 }).map((piece) => piece.text)).toEqual(['这是第一句话。', '这是第二句！', '第三句很短吗？'])
    expect(split('今日は晴れです。散歩に行きましょう。', 3, { locale: 'ja', minChars: 4 }).map((piece) => piece.text)).toEqual(['今日は晴れです。', '散歩に行きましょう。'])
    expect(split('Das ist z.B. ein guter Satz. Und dann kommt noch einer.', 3, { locale: 'de' }).map((piece) => piece.text)).toEqual(['Das ist z.B. ein guter Satz.', 'Und dann kommt noch einer.'])
  })

  it('flushes the rest when the text ends, and skips pieces with nothing to say', () => {
    expect(split('An answer without a final stop', 5).map((piece) => piece.text)).toEqual(['An answer without a final stop'])
    expect(split('Some words here that count.\n\n--- ... !!\n', 5).map((piece) => piece.text)).toEqual(['Some words here that count.'])
  })

  it('drops a last sentence cut off when the text broke', () => {
    const splitter = createSentenceSplitter(options)
    expect(splitter.push('The first whole sentence is here. And a cut-off')).toEqual(['The first whole sentence is here.'])
    expect(splitter.endBroken()).toEqual([])
  })
})
