import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { blocksOf, CDN_BROWSER_BUILD, codeBlocks, COVERED_LANGUAGES, htmlScript, ROOT } from '../readme-blocks.ts'

// Every TypeScript, TSX and JavaScript block of the READMEs (and the module script of each HTML
// one) compiles under the repository's strict settings, as `voxfetch` resolves for a user, so
// the types cannot accept what the runtime refuses without a README example showing it.
let workdir: string | undefined
afterAll(() => (workdir ? rm(workdir, { recursive: true, force: true }) : undefined))

const fromCDN = (code: string) =>
  code.replace(CDN_BROWSER_BUILD, 'voxfetch/').replace(/'voxfetch\/index\.js'/g, "'voxfetch'").replace(/'voxfetch\/(player|recorder)\.js'/g, "'voxfetch/$1'")

describe('README code blocks', () => {
  it('are all of a language the suite runs, with every fence closed', () => {
    const languages = new Set(codeBlocks().map((block) => block.lang))
    expect([...languages].filter((lang) => !(COVERED_LANGUAGES as readonly string[]).includes(lang))).toEqual([])
  })

  it('compile under strict TypeScript (ts, tsx, js and the html module scripts)', async () => {
    workdir = await mkdtemp(join(ROOT, 'test/.readme-types-'))
    const files: string[] = []
    const write = async (name: string, code: string) => {
      const file = join(workdir!, name)
      await writeFile(file, code)
      files.push(file)
    }
    let count = 0
    for (const lang of ['ts', 'tsx', 'js'] as const) for (const block of blocksOf(lang)) await write(`block-${++count}.${lang}`, block.code)
    for (const block of blocksOf('html')) await write(`block-${++count}.js`, fromCDN(htmlScript(block.code)))
    expect(count).toBeGreaterThanOrEqual(19)

    const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT)
    // The package's published types (dist/, built by `npm test` first), as an installed voxfetch resolves.
    const paths = Object.fromEntries(['', 'node', 'react', 'player', 'recorder'].map((entry) => [entry ? `voxfetch/${entry}` : 'voxfetch', [`./dist/${entry || 'index'}.d.ts`]]))
    const program = ts.createProgram(files, { ...options, paths, noEmit: true, allowJs: true, checkJs: true })
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((diagnostic) => !diagnostic.file || files.includes(diagnostic.file.fileName))
    const where = new Map(files.map((file, index) => [file, [...blocksOf('ts'), ...blocksOf('tsx'), ...blocksOf('js'), ...blocksOf('html')][index]!.where]))
    const messages = diagnostics.map((diagnostic) => {
      const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0
      return `${diagnostic.file ? where.get(diagnostic.file.fileName) : ''} (+${line}): ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
    })
    expect(messages).toEqual([])
  })
})
