/**
 * `npm start`: the playground and, unless VOXFETCH_BASE_URL names a real LiteLLM proxy, the
 * embedded emulator, on one origin (port 4000, PORT overrides).
 */
import { printUsage } from '../../test/emulator/cli.ts'
import { DEFAULT_CONFIG, startEmulator } from '../../test/emulator/index.ts'
import { emulatorInfo, proxyInfo } from './models.ts'
import { startPlaygroundServer } from './server.ts'
import { printProviderExamples } from './provider-examples.ts'
import { emulatorUpstream, PROXY_ROUTE_NAMES, proxyUpstream } from './upstreams.ts'

async function start(): Promise<void> {
  const port = Number(process.env.PORT ?? 4000)
  const baseURL = process.env.VOXFETCH_BASE_URL?.trim()
  const apiKey = process.env.VOXFETCH_API_KEY?.trim() || undefined
  const emulator = baseURL ? undefined : await startEmulator({ config: DEFAULT_CONFIG })
  const upstream = emulator ? emulatorUpstream(emulator) : proxyUpstream(checkedURL(baseURL!), apiKey)
  let proxyModels: ReturnType<typeof proxyInfo> | undefined
  const server = await startPlaygroundServer({
    port,
    upstream,
    pages: 'vite',
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
  console.log('\n  Only this machine may call it: other Host names and other pages\' origins are refused.\n')
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
