import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { fileURLToPath } from 'node:url'
import type { PlaygroundInfo } from '../src/playground-info.ts'
import { type AllowedOrigins, corsHeaders, isAllowedOrigin, NO_OTHER_ORIGINS, preflightHeaders } from './allowed-origins.ts'
import { forward, isForwarded, upstreamURL, type Upstream } from './forward.ts'
import { checkCaller, checkSameOrigin, isRefusal, ownHosts, parseTarget, type Refusal } from './request-guard.ts'
import { notFound, serveStatic } from './static-files.ts'

export interface PlaygroundServerOptions {
  /** @default 0 (a random free port) */
  port?: number
  /**
   * Where it listens. Requests must name it (or localhost, 127.0.0.1, [::1]) with its port in
   * `Host`; other names are refused. @default '127.0.0.1'
   */
  host?: string
  /** The proxy that answers the API paths on this origin. */
  upstream: Upstream
  /** What `/playground.json` tells the page. */
  info: () => PlaygroundInfo | Promise<PlaygroundInfo>
  /** `'vite'`: Vite's dev middleware, from source (npm start); `{ dir }`: the built pages. */
  pages: 'vite' | { dir: string }
  /**
   * The no-bundler browser build the plain page imports, served at `/vendor/voxfetch/`.
   * @default the package's `dist/browser` (built by `npm start` and `npm run build`)
   */
  browserBuildDir?: string
  /**
   * Pages of other origins that may call the API, with CORS (a dev server on another port).
   * The `Host` rules still hold. @default none: only the page's own origin
   */
  allowOrigins?: AllowedOrigins
}

/** Where the plain page imports voxfetch from: the browser build, as a CDN would serve it. */
export const VENDOR_PATH = '/vendor/voxfetch'

export interface PlaygroundServer {
  /** e.g. `http://127.0.0.1:4000` */
  url: string
  port: number
  close(): Promise<void>
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>

/** One origin for the pages and the proxy API, so the page needs neither CORS nor a key. */
export async function startPlaygroundServer(options: PlaygroundServerOptions): Promise<PlaygroundServer> {
  let pages: Handler = (_request, response) => notFound(response)
  const vendor = serveStatic(options.browserBuildDir ?? fileURLToPath(new URL('../../dist/browser', import.meta.url)), VENDOR_PATH)
  const host = options.host ?? '127.0.0.1'
  let hosts = new Set<string>()
  const allowed = options.allowOrigins ?? NO_OTHER_ORIGINS
  // Every route, Vite's included, checks Host and Origin first; only allow-listed API calls of
  // this page's own scripts are forwarded, to the configured base and nowhere else.
  const server = createServer((request, response) => {
    const target = parseTarget(request.url)
    if (isRefusal(target)) return refuse(response, target)
    const refusal = checkCaller(request, hosts, allowed)
    if (refusal) return refuse(response, refusal)
    const { path, query } = target
    // Only an origin let in above that is not the page's own gets CORS headers.
    const origin = request.headers.origin
    const cors = origin !== undefined && isAllowedOrigin(origin, allowed) ? origin : undefined
    if (cors && request.method === 'OPTIONS' && (path === '/playground.json' || isPreflightable(options.upstream, path))) {
      response.writeHead(204, preflightHeaders(cors, request.headers['access-control-request-headers']))
      return void response.end()
    }
    const api = path === '/playground.json' || isForwarded(options.upstream, request.method, path)
    const crossSite = api ? checkSameOrigin(request, allowed) : undefined
    if (crossSite) return refuse(response, crossSite)
    if (cors && api) for (const [name, value] of Object.entries(corsHeaders(cors))) response.setHeader(name, value)
    if (path === '/playground.json') return void sendInfo(options, response)
    if (api) {
      const url = upstreamURL(options.upstream.url, path, query)
      return url ? forward(request, response, options.upstream, url) : refuse(response, { status: 400, message: 'playground server: request target refused' })
    }
    const handler = path.startsWith(`${VENDOR_PATH}/`) ? vendor : pages
    Promise.resolve(handler(request, response)).catch(() => response.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  let closeVite: (() => Promise<void>) | undefined
  if (options.pages === 'vite') {
    // Vite's hot-reload socket arrives as an upgrade, past the request handler: same rules.
    server.prependListener('upgrade', (request: IncomingMessage, socket: Duplex) => {
      const refusal = checkCaller(request, hosts, allowed)
      if (!refusal) return
      socket.on('error', () => {}) // Vite may still try to answer on it
      socket.end(`HTTP/1.1 ${refusal.status} Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    })
    const vite = await attachVite(server)
    pages = vite.handler
    closeVite = vite.close
  } else {
    pages = serveStatic(options.pages.dir)
  }
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  hosts = ownHosts(port, host)
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    async close() {
      await closeVite?.()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

function isPreflightable(upstream: Upstream, path: string): boolean {
  return isForwarded(upstream, 'POST', path) || isForwarded(upstream, 'GET', path)
}

function refuse(response: ServerResponse, refusal: Refusal): void {
  response.writeHead(refusal.status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  response.end(JSON.stringify({ error: { message: refusal.message, type: 'playground_refused' } }))
}

async function sendInfo(options: PlaygroundServerOptions, response: ServerResponse): Promise<void> {
  const info = await options.info()
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  response.end(JSON.stringify(info))
}

/** Vite in middleware mode, its hot-reload socket on this same server. */
async function attachVite(server: Server): Promise<{ handler: Handler; close: () => Promise<void> }> {
  const { createServer: createViteServer } = await import('vite')
  const vite = await createViteServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    appType: 'mpa',
    logLevel: 'warn',
    server: { middlewareMode: true, ws: { server } },
  })
  return {
    handler: (request, response) => vite.middlewares(request, response, () => notFound(response)),
    close: () => vite.close(),
  }
}
