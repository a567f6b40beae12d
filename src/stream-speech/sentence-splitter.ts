/** How streamed text is cut into pieces that are spoken one request each. */
export interface SplitOptions {
  /** BCP 47 locale for `Intl.Segmenter`, e.g. `'de'`; `undefined` uses the runtime's. */
  locale: string | undefined
  /** Shorter sentences are joined with the next. */
  minChars: number
  /** Longer sentences are split at a clause boundary, else between words. */
  maxChars: number
  /** The first piece may be a clause this long or longer, so the first sound comes early. */
  firstClauseChars: number
}

export interface SentenceSplitter {
  /** The next text; returns the pieces it completes. */
  push(text: string): string[]
  /** The text ended: the rest, as pieces. */
  end(): string[]
  /** The text broke off: the rest, as pieces, without a last piece that was cut mid-sentence. */
  endBroken(): string[]
}

/*
 * ICU (and so Intl.Segmenter) breaks after every period followed by a space and a capital,
 * abbreviations included ("Dr. | Smith"): a piece ending in one of these, or in a lone letter
 * (an initial), is joined with the next.
 */
const ABBREVIATION = /(?:^|[\s("'])(?:\p{L}|mr|mrs|ms|dr|prof|sr|jr|st|mt|vs|no|nr|fig|vol|approx|e\.g|i\.e|cf|z\.b|bzw|vgl|ca|hr|fr|mme|mlle|p\.ex|etc\.?\s*al)\.\s*$/iu
/** A clause ends at one of these followed by a space (or at CJK/full-width punctuation). */
const CLAUSE = /[,;:\u2013\u2014][\s]|[\u3001\uff0c\uff1b\uff1a]/gu
/** How a complete sentence ends, closing quotes and brackets aside. */
const SENTENCE_END = /[.!?\u2026\u3002\uff01\uff1f]["'\u2019\u201d)\]]*$/u
/** Nothing to say: only punctuation, symbols or spaces. */
const SPEAKABLE = /[\p{L}\p{N}]/u

/**
 * Sentences from `Intl.Segmenter` (granularity `sentence`) as text streams in: a sentence is
 * complete once text after it shows where it ends. Short ones are joined, long ones split at
 * clauses, and the very first piece may be a clause, so speaking can start before a long first
 * sentence is written.
 */
export function createSentenceSplitter(options: SplitOptions): SentenceSplitter {
  const segmenter = new Intl.Segmenter(options.locale, { granularity: 'sentence' })
  const { minChars, maxChars } = options
  let tail = ''
  let pending = ''
  let started = false

  function sentences(text: string): string[] {
    const found: string[] = []
    for (const { segment } of segmenter.segment(text)) {
      const last = found.length - 1
      if (last >= 0 && ABBREVIATION.test(found[last]!)) found[last] += segment
      else found.push(segment)
    }
    return found
  }
  function emit(text: string, out: string[]): void {
    for (const piece of limit(text, maxChars)) {
      const trimmed = piece.replace(/\s+/g, ' ').trim()
      if (SPEAKABLE.test(trimmed)) {
        out.push(trimmed)
        started = true
      }
    }
  }
  function take(sentence: string, out: string[]): void {
    if (pending && pending.length + sentence.length > maxChars) {
      emit(pending, out)
      pending = ''
    }
    pending += sentence
    if (pending.trim().length >= minChars) {
      emit(pending, out)
      pending = ''
    }
  }

  return {
    push(text) {
      const out: string[] = []
      const found = sentences(tail + text)
      tail = found.pop() ?? ''
      for (const sentence of found) take(sentence, out)
      // An unfinished sentence longer than a piece may be: its first part goes now.
      while (tail.length > maxChars) {
        const [head, rest] = cutAt(tail, maxChars)
        take(head, out)
        tail = rest
      }
      if (!started && !pending && out.length === 0) {
        const clause = firstClauseEnd(tail, options.firstClauseChars)
        if (clause > 0) {
          emit(tail.slice(0, clause), out)
          tail = tail.slice(clause)
        }
      }
      return out
    },
    end() {
      const out: string[] = []
      emit(pending + tail, out)
      pending = ''
      tail = ''
      return out
    },
    endBroken() {
      const pieces = this.end()
      if (pieces.length > 0 && !SENTENCE_END.test(pieces.at(-1)!)) pieces.pop()
      return pieces
    },
  }
}

/** Where the first clause at least `minChars` long ends, or 0. */
function firstClauseEnd(text: string, minChars: number): number {
  for (const match of text.matchAll(CLAUSE)) {
    const end = match.index + match[0].trimEnd().length
    if (end >= minChars) return end
  }
  return 0
}

/** `text` in pieces of at most `maxChars`, each cut where the cut is heard least. */
export function limit(text: string, maxChars: number): string[] {
  const pieces: string[] = []
  let rest = text
  while (rest.length > maxChars) {
    const [head, tail] = cutAt(rest, maxChars)
    pieces.push(head)
    rest = tail
  }
  pieces.push(rest)
  return pieces
}

/** Cuts `text` within its first `maxChars`: the last clause boundary, else the last space. */
function cutAt(text: string, maxChars: number): [string, string] {
  const window = text.slice(0, maxChars)
  let cut = 0
  for (const match of window.matchAll(CLAUSE)) cut = match.index + match[0].trimEnd().length
  if (cut < maxChars / 3) cut = Math.max(window.lastIndexOf(' '), cut)
  if (cut < maxChars / 3) cut = maxChars
  // Never between the two halves of a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--
  return [text.slice(0, cut), text.slice(cut)]
}
