// @vitest-environment node
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { isValidElement, type ReactElement, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { useVoxfetchClient, VoxfetchProvider } from '../../react/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { ROOT as root, runnableExample } from '../readme-blocks.ts'
import { useEmulator } from './helpers.tsx'

// The README's Next.js App Router example: the layout (a Server Component) renders the provider
// from plain options, which must survive the serialization RSC applies to a Client Component's
// props; the client component renders on the server; the route handler answers with audio.
const emu = useEmulator()
const readme = await readFile(join(root, 'README.md'), 'utf8')
const start = readme.indexOf('## Next.js')
const section = readme.slice(start, readme.indexOf('\n## ', start + 1))
const files = new Map([...section.matchAll(/```tsx?\n\/\/ (\S+)[^\n]*\n([\s\S]*?)```/g)].map((match) => [match[1]!, match[2]!]))
let workdir: string

type Layout = (props: { children: ReactNode }) => ReactElement
type Button = (props: { text: string }) => ReactElement
type Route = { POST(request: Request): Promise<Response>; runtime: string }

async function load<T>(name: string): Promise<T> {
  const code = files.get(name)
  if (!code) throw new Error(`README: no Next.js block starting with // ${name}`)
  const file = join(workdir, name)
  await mkdir(dirname(file), { recursive: true })
  await writeFile(
    file,
    runnableExample(code, emu.emulator.url),
  )
  return (await import(file)) as T
}

/** The first element of `type` in a rendered tree (function components are not called). */
function findElement(node: ReactNode, type: unknown): ReactElement<Record<string, unknown>> | undefined {
  if (Array.isArray(node)) return node.map((child) => findElement(child, type)).find(Boolean)
  if (!isValidElement<Record<string, unknown>>(node)) return undefined
  if (node.type === type) return node
  return findElement(node.props.children as ReactNode, type)
}

function Probe() {
  const { options } = useVoxfetchClient()
  return <output>{`${options.baseURL} ${options.apiKey === TEST_KEYS.proxy} ${options.maxRetries} ${options.timeout}`}</output>
}

beforeAll(async () => {
  workdir = await mkdtemp(join(root, 'test/.readme-nextjs-'))
})
afterAll(() => rm(workdir, { recursive: true, force: true }))

describe('README Next.js example', () => {
  it('has a layout, a client component and a route handler', () => {
    expect([...files.keys()]).toEqual(['app/layout.tsx', 'app/speak-button.tsx', 'app/api/speech/route.ts'])
    expect(files.get('app/speak-button.tsx')!.startsWith("'use client'\n")).toBe(true)
  })

  it('renders the provider from options that survive a JSON round trip, on the server', async () => {
    const { default: RootLayout } = await load<{ default: Layout }>('app/layout.tsx')
    const { SpeakButton } = await load<{ SpeakButton: Button }>('app/speak-button.tsx')
    const page = RootLayout({ children: <SpeakButton text="Hello from a layout" /> })
    const provider = findElement(page, VoxfetchProvider)
    expect(provider).toBeDefined()
    const { children, ...props } = provider!.props
    // What React Server Components would send to the browser: functions or class instances
    // (a client object) would not come back equal.
    const sent = JSON.parse(JSON.stringify(props)) as typeof props
    expect(sent).toStrictEqual(props)
    expect(props).toStrictEqual({ options: { baseURL: emu.emulator.url, apiKey: TEST_KEYS.proxy, maxRetries: 1, timeout: 30_000 } })

    const html = renderToString(
      <VoxfetchProvider {...(sent as { options: object })}>
        {children as ReactNode}
        <Probe />
      </VoxfetchProvider>,
    )
    expect(html).toBe(`<button>Speak</button><output>${emu.emulator.url} true 1 30000</output>`)
    expect(renderToString(page)).toMatch(/^<html lang="en">(<head><\/head>)?<body><button>Speak<\/button><\/body><\/html>$/) // React 19 adds <head>
    expect(emu.emulator.requests).toEqual([]) // rendering sends nothing
  })

  it('answers the route handler with the audio, streamed from the proxy', async () => {
    vi.stubEnv('VOXFETCH_BASE_URL', emu.emulator.url)
    vi.stubEnv('VOXFETCH_API_KEY', TEST_KEYS.proxy)
    try {
      const route = await load<Route>('app/api/speech/route.ts')
      expect(route.runtime).toBe('edge')
      const response = await route.POST(
        new Request('http://localhost:3000/api/speech', { method: 'POST', body: JSON.stringify({ text: 'From a route handler' }) }),
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('audio/mpeg')
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect(bytes.byteLength).toBeGreaterThan(1_000)
      expect(emu.emulator.requests).toMatchObject([
        { path: '/v1/audio/speech', status: 200, headers: { authorization: `Bearer ${TEST_KEYS.proxy}` }, json: { model: 'tts', input: 'From a route handler', voice: 'alloy' } },
      ])
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
