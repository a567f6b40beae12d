import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..')

/** The documents whose code blocks the suite runs. */
export const DOCUMENTS = ['README.md', 'playground/README.md'] as const

export interface CodeBlock {
  /** e.g. `README.md:63` (the line of the opening fence). */
  where: string
  lang: string
  code: string
}

/** Every fenced code block of the documents, in order. An unclosed fence is an error. */
export function codeBlocks(): CodeBlock[] {
  const blocks: CodeBlock[] = []
  for (const document of DOCUMENTS) {
    const lines = readFileSync(join(ROOT, document), 'utf8').split('\n')
    for (let index = 0; index < lines.length; index++) {
      const open = /^```(\S*)$/.exec(lines[index]!)
      if (!open) continue
      const end = lines.findIndex((line, at) => at > index && line.startsWith('```'))
      if (end === -1 || lines[end] !== '```') throw new Error(`${document}:${index + 1}: the code block is not closed before line ${end + 1}`)
      blocks.push({ where: `${document}:${index + 1}`, lang: open[1]!, code: lines.slice(index + 1, end).join('\n') + '\n' })
      index = end
    }
  }
  return blocks
}

/** Blocks of one language. */
export const blocksOf = (lang: string): CodeBlock[] => codeBlocks().filter((block) => block.lang === lang)

/** The languages some test runs (or, for yaml, reads as the file its first line names). */
export const COVERED_LANGUAGES = ['bash', 'ts', 'tsx', 'js', 'html', 'yaml'] as const

/** The module script of an ```html block. */
export function htmlScript(code: string): string {
  const script = /<script type="module">\n([\s\S]*?)<\/script>/.exec(code)
  if (!script) throw new Error('an html example without a <script type="module">')
  return script[1]!.replace(/^ {2}/gm, '')
}

/** The jsDelivr URL of the browser build's files, as the README names them. */
export const CDN_BROWSER_BUILD = /https:\/\/cdn\.jsdelivr\.net\/npm\/voxfetch@[^/]+\/dist\/browser\//g

/** Where each package entry a Node-side example imports lives in the sources. */
const SOURCE_ENTRIES: Record<string, string> = {
  'voxfetch/react': 'react/index.ts',
  'voxfetch/node': 'src/node/index.ts',
  voxfetch: 'src/index.ts',
}

/**
 * An example as a module of the repository would run it: the package's entries imported from the
 * sources, and the README's proxy (`http://localhost:4000`) replaced by `baseURL`.
 */
export function runnableExample(code: string, baseURL: string): string {
  return code
    .replace(/from '(voxfetch(?:\/react|\/node)?)'/g, (_, entry: string) => `from '${join(ROOT, SOURCE_ENTRIES[entry]!)}'`)
    .replaceAll('http://localhost:4000', baseURL)
}
