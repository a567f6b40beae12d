import { type DictationPiece, gapMark } from './state.ts'

/** Joins texts with one space, ignoring empty ones and the spaces models put around them. */
export function joinTexts(texts: readonly string[]): string {
  return texts.map((text) => text.trim()).filter(Boolean).join(' ')
}

/**
 * Committed text is every piece in order up to the first one still out (silent pieces add
 * nothing, failed ones their gap mark); partial text is whatever later pieces hold so far.
 */
export function stitch(pieces: readonly DictationPiece[]): { text: string; partialText: string } {
  const settled = (piece: DictationPiece) => piece.status === 'done' || piece.status === 'silent' || piece.status === 'failed'
  const firstOpen = pieces.findIndex((piece) => !settled(piece))
  const committed = firstOpen < 0 ? pieces : pieces.slice(0, firstOpen)
  const rest = firstOpen < 0 ? [] : pieces.slice(firstOpen)
  const textOf = (piece: DictationPiece) => (piece.status === 'failed' ? gapMark(piece) : piece.text)
  return { text: joinTexts(committed.map(textOf)), partialText: joinTexts(rest.map(textOf)) }
}

/**
 * The end of the text so far, for the next piece's `prompt`: whisper reads only the last 224
 * tokens of a prompt (OpenAI speech-to-text guide, "Prompting"), so a long transcript is cut to
 * its last `limit` characters at a word boundary.
 */
export function promptTail(text: string, limit: number): string {
  if (text.length <= limit) return text
  const tail = text.slice(text.length - limit)
  const space = tail.indexOf(' ')
  return space < 0 ? tail : tail.slice(space + 1)
}
