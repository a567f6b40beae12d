import { describe, expect, it } from 'vitest'
import { createMarkdownFilter } from '../../../src/stream-speech/markdown-filter.ts'

const MARKDOWN = [
  '## Steps to follow',
  '',
  'Here is **bold**, _emphasis_ and a [link to the docs](https://example.com/a.b?c=1). Run `npm test` first.',
  '',
  '```ts',
  'const answer = 42; // never read out',
  '```',
  '- first item',
  '- second item!',
  '1. numbered',
  '> a quote',
  '',
  '| name | value |',
  '|------|-------|',
  '| a | 1 |',
  '---',
  'An ![image alt](pic.png) and <b>html</b> and snake_case_name stay.',
].join('\n')

const SPOKEN = 'Steps to follow. \nHere is bold, emphasis and a link to the docs. Run npm test first. \nfirst item. second item! numbered. a quote \nname, value. a, 1. An image alt and html and snake_case_name stay.'

function filter(text: string, size: number): string {
  const markdown = createMarkdownFilter()
  let out = ''
  for (let start = 0; start < text.length; start += size) out += markdown.push(text.slice(start, start + size))
  return out + markdown.end()
}

describe('createMarkdownFilter', () => {
  it('strips what a listener should not hear, the same whatever the chunking', () => {
    for (const size of [1, 2, 5, 13, 1000]) expect(filter(MARKDOWN, size)).toBe(SPOKEN)
  })

  it('holds a link back until it is complete, and lets plain text through at once', () => {
    const markdown = createMarkdownFilter()
    expect(markdown.push('Plain words go through, ')).toBe('Plain words go through, ')
    expect(markdown.push('see [the guide](https://exa')).toBe('see ')
    expect(markdown.push('mple.com/x.y) now.')).toBe('the guide now.')
  })

  it('drops a code block even when it never closes', () => {
    expect(filter('Before.\n```\nlet x = 1.5\nlet y = 2', 3)).toBe('Before. ')
  })
})
