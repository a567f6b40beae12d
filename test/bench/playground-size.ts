import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from './paths.ts'
import { kb, type Table } from './table.ts'

const VENDOR = '/vendor/voxfetch/'
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g
const DYNAMIC_IMPORT = /import\(\s*["']([^"']+)["']\s*\)/g

/** A page's JavaScript, gzip -9 per file: what loads up front, and what only on demand. */
interface PageSize {
  upFront: number
  lazy: number
  files: number
}

/**
 * The playground pages' JavaScript as a visitor downloads it: `vite build` into a temporary
 * directory, then every module each page's HTML loads and what those import, statically (up
 * front) or with `import()` (lazy); the plain page's `/vendor/voxfetch/` is the browser build.
 */
export async function playgroundSizeTable(): Promise<Table> {
  const { build } = await import('vite')
  const outDir = await mkdtemp(join(tmpdir(), 'voxfetch-playground-size-'))
  try {
    await build({ configFile: join(ROOT, 'playground/vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } })
    const locate = (url: string) => (url.startsWith(VENDOR) ? join(ROOT, 'dist/browser', url.slice(VENDOR.length)) : join(outDir, url))
    const react = await measurePage(outDir, 'index.html', locate)
    const plain = await measurePage(outDir, 'plain.html', locate)
    const row = (name: string, page: PageSize) => [name, kb(page.upFront), page.lazy ? kb(page.lazy) : '—', String(page.files)]
    return {
      title: 'Playground pages: JavaScript (gzip -9 per file)',
      columns: ['page', 'up front', 'lazy', 'files'],
      rows: [row('React page (/): React, voxfetch/react, player, recorder', react), row('plain page (/plain.html): voxfetch/browser build', plain)],
      notes: ['`vite build` of playground/ (production, minified); up front = the HTML\'s scripts and modulepreloads and their static imports; lazy = reachable only through import().'],
    }
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

async function measurePage(outDir: string, html: string, locate: (url: string) => string): Promise<PageSize> {
  const source = await readFile(join(outDir, html), 'utf8')
  const entries = [...source.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((match) => posix.resolve('/', match[1]!))
  const upFront = new Set<string>()
  const lazy = new Set<string>()
  const texts = new Map<string, string>()
  const read = async (url: string) => texts.get(url) ?? texts.set(url, await readFile(locate(url), 'utf8')).get(url)!
  const walk = async (url: string, into: Set<string>): Promise<void> => {
    if (upFront.has(url) || into.has(url)) return
    into.add(url)
    const text = await read(url)
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) if (spec!.startsWith('.') || spec!.startsWith('/')) await walk(posix.resolve(dirname(url), spec!), into)
    for (const [, spec] of text.matchAll(DYNAMIC_IMPORT)) if (spec!.startsWith('.') || spec!.startsWith('/')) await walk(posix.resolve(dirname(url), spec!), lazy)
  }
  for (const entry of entries) await walk(entry, upFront)
  for (const url of upFront) lazy.delete(url)
  const gzip = (urls: Set<string>) => [...urls].reduce((sum, url) => sum + gzipSync(texts.get(url)!, { level: 9 }).length, 0)
  return { upFront: gzip(upFront), lazy: gzip(lazy), files: upFront.size + lazy.size }
}
