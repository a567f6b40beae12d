import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasDist, ROOT } from '../bench/paths.ts'
import { blocksOf, htmlScript } from '../readme-blocks.ts'

// Checks on dist/ as `npm test` builds it (tsup.config.ts).
const dist = join(ROOT, 'dist')
if (!hasDist('index')) throw new Error('dist/ is missing: run `npm run build` first (`npm test` does)')

/** Every module specifier a file imports or re-exports, statically or with `import("…")`. */
function specifiers(code: string): string[] {
  const found = [
    ...code.matchAll(/\b(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
  ]
  return found.map((match) => match[1]!)
}

describe('built files', () => {
  it.each(['react.js', 'react.cjs'])('dist/%s starts with exactly one use client directive', async (file) => {
    const code = await readFile(join(dist, file), 'utf8')
    expect(code.startsWith("'use client';\n")).toBe(true)
    expect(code.match(/["']use client["']/g)).toHaveLength(1)
  })

  it('dist/browser holds only relative imports: no bare package names, no node: modules', async () => {
    const files = (await readdir(join(dist, 'browser'))).filter((name) => name.endsWith('.js'))
    expect(files).toContain('index.js')
    const imported = new Set<string>()
    for (const file of files) {
      const code = await readFile(join(dist, 'browser', file), 'utf8')
      for (const specifier of specifiers(code)) imported.add(specifier)
      expect(code, file).not.toMatch(/["']node:/)
    }
    expect(imported.size).toBeGreaterThan(3) // chunks and the lazy provider adapters
    expect([...imported].filter((specifier) => !/^\.\/[\w-]+\.js$/.test(specifier))).toEqual([])
    expect(files.filter((file) => /^(azure|gemini|vertex)-[A-Z0-9]+\.js$/.test(file))).toHaveLength(3) // still lazy
  })

  it('package.json points voxfetch/browser, unpkg and jsdelivr at the browser build', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'))
    expect(manifest.exports['./browser'].import.default).toBe('./dist/browser/index.js')
    expect(manifest.unpkg).toBe('./dist/browser/index.js')
    expect(manifest.jsdelivr).toBe('./dist/browser/index.js')
  })
})

describe("the README's no-bundler example", () => {
  it('imports names the browser build exports, from its path in the package', async () => {
    const [block] = blocksOf('html')
    const imports = [...htmlScript(block!.code).matchAll(/import \{ ([^}]+) \} from '([^']+)'/g)]
    expect(imports.length).toBeGreaterThan(0)
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'))
    for (const [, names, url] of imports) {
      const file = /\/dist\/browser\/([\w-]+\.js)$/.exec(url!)?.[1]
      expect(url).toBe(`https://cdn.jsdelivr.net/npm/voxfetch@${manifest.version}/dist/browser/${file}`)
      const built = (await import(join(dist, 'browser', file!))) as Record<string, unknown>
      for (const name of names!.split(',').map((part) => part.trim())) expect(typeof built[name], name).toBe('function')
    }
  })
})
