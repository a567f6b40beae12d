import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

/**
 * Serves the built playground (`vite build` output): `/` is index.html, assets are immutable.
 * With `prefix` (e.g. `/vendor/voxfetch`), serves `root` under that path instead; nothing outside
 * `root` is ever read.
 */
export function serveStatic(root: string, prefix = '') {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const full = decodeURIComponent(new URL(request.url ?? '/', 'http://playground.invalid').pathname)
    if (!full.startsWith(`${prefix}/`)) return notFound(response)
    const pathname = full.slice(prefix.length)
    const relative = normalize(pathname === '/' ? '/index.html' : pathname)
    const file = join(root, relative)
    if (!file.startsWith(root + sep) || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound(response)
    const info = await stat(file).catch(() => undefined)
    if (!info?.isFile()) return notFound(response)
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': relative.startsWith(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (request.method === 'HEAD') return void response.end()
    createReadStream(file).pipe(response)
  }
}

export function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
  response.end('Not found')
}
