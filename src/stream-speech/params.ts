import * as z from 'zod/mini'
import { callSchema } from '../options/call-schema.ts'
import { got } from '../options/client-options.ts'
import { speechShape } from '../speech/params.ts'
import { isTextSource, type TextSource } from './text-source.ts'

const { input: _input, ...speechFields } = speechShape
const count = (min: number, max: number) =>
  z.optional(z.number().check(z.int('must be a whole number'), z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`)))

/** Checks a streamed speech call's params: speech's, with `text` instead of `input`. */
export const streamSpeechParams = callSchema({
  ...speechFields,
  /** The text to speak as it is written: a string, an `AsyncIterable<string>` or a `ReadableStream<string>`. */
  text: z.custom<TextSource>(isTextSource, got('must be a string, an AsyncIterable<string> or a ReadableStream<string>')),
  /** The text's language, for finding its sentences (`Intl.Segmenter`), e.g. `'de'`. @default the runtime's */
  locale: z.optional(z.string().check(z.refine((locale) => isLocale(locale), 'must be a BCP 47 language tag, e.g. "en" or "pt-BR"'))),
  /** Sentences shorter than this are joined with the next. @default 20 */
  minChars: count(1, 4096),
  /** Longer sentences are split at a clause, else between words; never more than the provider takes. @default 300 */
  maxChars: count(16, 100_000),
  /**
   * The first piece may be the first clause once it is this long (a comma, a colon…), so
   * speaking starts before a long first sentence is finished. @default 20
   */
  firstClauseChars: count(1, 4096),
  /** Requests running ahead of the one being spoken. @default 2 */
  concurrency: count(1, 8),
  /**
   * Strips Markdown before speaking: code blocks dropped, links read as their text, no `**`, `#`,
   * bullets, tables' pipes. `false` speaks the text as it is. @default true
   */
  markdown: z.optional(z.boolean(got('must be a boolean'))),
})
export type StreamSpeechParams = z.input<typeof streamSpeechParams.full>

function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1
  } catch {
    return false
  }
}
