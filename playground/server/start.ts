/**
 * `npm start`: the playground and, unless VOXFETCH_BASE_URL names a real LiteLLM proxy, the
 * embedded emulator, on one origin (port 4000, PORT overrides). Pages of other origins may call
 * it when named (`--allow-origin`, VOXFETCH_ALLOW_ORIGINS), and loopback dev servers by default
 * when it holds no real key.
 */
import { printUsage } from '../../test/emulator/cli.ts'
import { DEFAULT_CONFIG, startEmulator } from '../../test/emulator/index.ts'
import { allowedOriginsFrom } from './allowed-origins.ts'
import { emulatorInfo, proxyInfo } from './models.ts'
import { startPlaygroundServer } from './server.ts'
import { printProviderExamples } from './provider-examples.ts'
import { emulatorUpstream, PROXY_ROUTE_NAMES, proxyUpstream } from './upstreams.ts'

async function start(): Promise<void> {
  const port = Number(process.env.PORT ?? 4000)
  const baseURL = process.env.VOXFETCH_BASE_URL?.trim()
  const apiKey = process.env.VOXFETCH_API_KEY?.trim() || undefined
  const allowOrigins = allowedOriginsFrom(process.argv.slice(2), process.env.VOXFETCH_ALLOW_ORIGINS, Boolean(baseURL && apiKey))
  if (typeof allowOrigins === 'string') {
    console.error(`--allow-origin / VOXFETCH_ALLOW_ORIGINS: ${allowOrigins}`)
    process.exit(1)
  }
  const emulator = baseURL ? undefined : await startEmulator({ config: DEFAULT_CONFIG })
  const upstream = emulator ? emulatorUpstream(emulator) : proxyUpstream(checkedURL(baseURL!), apiKey)
  let proxyModels: ReturnType<typeof proxyInfo> | undefined
  const server = await startPlaygroundServer({
    port,
    upstream,
    pages: 'vite',
    allowOrigins,
    info: emulator ? () => emulatorInfo(DEFAULT_CONFIG) : () => (proxyModels ??= proxyInfo(upstream)),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error
    console.error(`Port ${port} is in use. Stop what runs there, or pick another: PORT=4001 npm start`)
    process.exit(1)
  })
  const url = `http://localhost:${server.port}`
  console.log(`\n  voxfetch playground   ${url}\n`)
  if (emulator) {
    console.log('  Talking to the embedded emulator (a LiteLLM proxy with real eSpeak voices): no keys needed.')
    console.log('  A real proxy instead: VOXFETCH_BASE_URL=https://your-proxy VOXFETCH_API_KEY=sk-… npm start')
    console.log('  The same port answers the proxy API:\n')
    printUsage(url)
    console.log('')
    printProviderExamples(url)
  } else {
    console.log(`  Forwarding ${PROXY_ROUTE_NAMES.join(', ')} (nothing else) to ${new URL(upstream.url).origin}`)
    console.log(apiKey ? '  with VOXFETCH_API_KEY added on this server: the page never sees it.' : '  without a key (VOXFETCH_API_KEY is not set).')
  }
  const others = [...allowOrigins.origins, ...(allowOrigins.loopback ? ['http://localhost:<any port>', 'http://127.0.0.1:<any port>'] : [])]
  console.log('\n  Only this machine may call it: other Host names are refused, and so are other pages\' origins')
  console.log(others.length ? `  except ${others.join(', ')} (with CORS).\n` : '  (allow one with --allow-origin http://localhost:5173 or VOXFETCH_ALLOW_ORIGINS).\n')
  const stop = () => void Promise.all([server.close(), emulator?.close()]).then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** An absolute http(s) URL without credentials; the value is not echoed (it may hold a password). */
function checkedURL(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (url && /^https?:$/.test(url.protocol) && !url.username && !url.password && !url.search && !url.hash) return value
  console.error('VOXFETCH_BASE_URL must be an absolute http(s) URL without credentials, query or fragment, such as https://litellm.example.com (put the key in VOXFETCH_API_KEY)')
  process.exit(1)
}

start().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
