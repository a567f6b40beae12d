/** Turns streamed text into what a listener should hear, chunk by chunk. */
export interface TextFilter {
  /** The next raw text; returns the cleaned text that is final so far (markup may be held back). */
  push(text: string): string
  /** The source ended: whatever was held back, cleaned. */
  end(): string
}

type LineKind = 'text' | 'item' | 'row'

const FENCE = /^\s{0,3}(```|~~~)/
const HEADING = /^\s{0,3}#{1,6}\s+/
const ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+/
const QUOTE = /^\s*(?:>\s?)+/
const RULE = /^\s*([-*_])(?:\s*\1){2,}\s*$/
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/
const ONLY_MARKUP = /^[\s\-*_=#>|`~+:.\d)]*$/
const SENTENCE_END = /[.!?:;,。！？]\s*$/
/** A line held whole longer than this is let through as it is: the filter's memory stays bounded. */
const MAX_HELD = 2000

/**
 * Strips the Markdown an LLM writes so it is not read out as symbols: code blocks are dropped,
 * links keep their text (not their target), emphasis, headings, bullets, quotes, tables and HTML
 * tags lose their markup. Works on a stream: a construct cut by a chunk boundary (`[text](ur`)
 * is held until it is complete, never longer than a line.
 */
export function createMarkdownFilter(): TextFilter {
  let line = ''
  let lineStart = true
  let kind: LineKind = 'text'
  let inFence = false
  // The last characters this line gave, to know whether it ended a sentence.
  let said = ''
  // The raw character before the unprocessed rest of the line: `_` reads differently after a letter.
  let before = ''

  /** Reads the line's own markup (heading, bullet, quote, table row) and strips it. */
  function begin(raw: string): string {
    lineStart = false
    if (HEADING.test(raw) || ITEM.test(raw)) kind = 'item'
    else if (/^\s*\|/.test(raw)) kind = 'row'
    return raw.replace(HEADING, '').replace(ITEM, '').replace(QUOTE, '')
  }
  function say(text: string): string {
    if (text.trim() !== '') said = (said + text).slice(-8)
    return text
  }
  function finishLine(raw: string): string {
    const fresh = lineStart
    const lineKind = fresh ? undefined : kind
    const spoken = said
    lineStart = true
    kind = 'text'
    said = ''
    const previous = before
    before = ''
    if (fresh && FENCE.test(raw)) {
      inFence = !inFence
      return ''
    }
    if (inFence) return ''
    if (fresh && raw.trim() === '') return '\n'
    if (fresh && (RULE.test(raw) || (TABLE_SEPARATOR.test(raw) && raw.includes('-')))) return ''
    let text = raw
    let finalKind = lineKind
    if (fresh) {
      text = begin(raw)
      finalKind = kind
      kind = 'text'
      lineStart = true
    }
    const cleaned = cleanInline(previous + text)
    text = cleaned.startsWith(previous) ? cleaned.slice(previous.length) : cleaned
    if (finalKind === 'row') text = text.replace(/^\s*\|\s*/, '').replace(/\s*\|\s*$/, '').replace(/\s*\|\s*/g, ', ')
    const whole = (spoken + text).trimEnd()
    // A heading or list item usually has no full stop: give it one, so it is read as a sentence.
    if (finalKind !== 'text' && whole !== '' && !SENTENCE_END.test(whole)) text = `${text.trimEnd()}.`
    return `${text} `
  }
  function partial(): string {
    if (inFence) {
      // A code line: dropped, once it is clear it does not close the block.
      if (lineStart && line.length >= 4 && !FENCE.test(line)) lineStart = false
      if (!lineStart) line = ''
      return ''
    }
    if (lineStart) {
      if (FENCE.test(line) || ONLY_MARKUP.test(line) || line.trimStart().length < 4) return ''
      line = begin(line)
    }
    if (kind === 'row' && line.length < MAX_HELD) return ''
    const cut = line.length > MAX_HELD ? line.length : safeCut(line)
    if (cut === 0) return ''
    const cleaned = cleanInline(before + line.slice(0, cut))
    const text = cleaned.startsWith(before) ? cleaned.slice(before.length) : cleaned
    before = line[cut - 1]!
    line = line.slice(cut)
    return say(text)
  }

  return {
    push(text) {
      line += text
      let out = ''
      for (let newline = line.indexOf('\n'); newline !== -1; newline = line.indexOf('\n')) {
        const raw = line.slice(0, newline)
        line = line.slice(newline + 1)
        out += finishLine(raw)
      }
      return out + partial()
    },
    end() {
      const raw = line
      line = ''
      return raw === '' && lineStart ? '' : finishLine(raw).trimEnd()
    },
  }
}

/** Where the text of an unfinished line stops being safe to clean: before an open construct. */
function safeCut(line: string): number {
  let cut = line.length
  if ((line.match(/`/g)?.length ?? 0) % 2 === 1) cut = Math.min(cut, line.lastIndexOf('`'))
  const bracket = line.lastIndexOf('[')
  if (bracket !== -1 && !/^\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\]|[^([])/.test(line.slice(bracket))) {
    cut = Math.min(cut, line[bracket - 1] === '!' ? bracket - 1 : bracket)
  }
  const angle = line.lastIndexOf('<')
  if (angle !== -1 && !line.includes('>', angle)) cut = Math.min(cut, angle)
  const trailing = /[*_~!]+$/.exec(line)
  if (trailing) cut = Math.min(cut, trailing.index)
  return cut
}

/** Markup inside a line: links and images keep their text, code its content, emphasis goes. */
export function cleanInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<https?:[^>]*>/gi, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\*+|~~/g, '')
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
}
