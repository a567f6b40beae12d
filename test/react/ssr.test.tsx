// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'

const BROWSER_ONLY = ['window', 'document', 'XMLHttpRequest', 'navigator'] as const

/** Records any read of browser-only globals (they stay undefined, as on a server). */
function trapBrowserGlobals() {
  const touched: string[] = []
  for (const name of BROWSER_ONLY) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name)
        return undefined
      },
    })
  }
  return touched
}

afterEach(() => {
  for (const name of BROWSER_ONLY) delete (globalThis as Record<string, unknown>)[name]
  vi.restoreAllMocks()
})

describe('server rendering', () => {
  it('renderToString of useSpeech with play and of useRecorder touches no browser global', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const { renderToString } = await import('react-dom/server')
    await import('../../src/index.ts') // ofetch's fetch shim looks at globals once, on import
    const touched = trapBrowserGlobals()
    const { useRecorder, useSpeech } = await import('../../react/index.ts')
    function Page() {
      const speech = useSpeech({ model: 'tts', voice: 'alloy', play: 'stream' })
      const recorder = useRecorder({ maxDurationMs: 1000 })
      return <p>{speech.playback.status}/{recorder.status}/{recorder.level}</p>
    }
    expect(renderToString(<Page />)).toBe('<p>idle<!-- -->/<!-- -->idle<!-- -->/<!-- -->0</p>')
    expect(touched.filter((name) => name !== 'document')).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('renderToString of both hooks touches no window, XMLHttpRequest, URL.createObjectURL or network', async () => {
    const React = await import('react')
    expect(React.version.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR)
    const createObjectURL = vi.spyOn(URL, 'createObjectURL')
    const fetch = vi.spyOn(globalThis, 'fetch')
    const consoleError = vi.spyOn(console, 'error')
    const { renderToString } = await import('react-dom/server')
    const { createClient } = await import('../../src/index.ts')
    const touched = trapBrowserGlobals()
    const { useSpeech, useTranscription, VoxfetchProvider } = await import('../../react/index.ts')

    function Page() {
      const speech = useSpeech({ model: 'tts', voice: 'alloy' })
      const transcription = useTranscription({ model: 'whisper', maxFileSizeMB: 25, accept: ['audio/*'] })
      return (
        <p>
          {speech.status}/{String(speech.audioUrl)}/{transcription.status}/{String(transcription.progress)}
        </p>
      )
    }
    const withProvider = renderToString(
      <VoxfetchProvider client={createClient({ baseURL: 'http://127.0.0.1:9', apiKey: 'sk-test' })}>
        <Page />
      </VoxfetchProvider>,
    )
    const withDefaultClient = renderToString(<Page />)

    expect(withProvider).toBe('<p>idle<!-- -->/<!-- -->undefined<!-- -->/<!-- -->idle<!-- -->/<!-- -->undefined</p>')
    expect(withDefaultClient).toBe(withProvider)
    // `typeof document` is read once, at import, to pick the effect that keeps options current.
    expect(touched.filter((name) => name !== 'document')).toEqual([])
    expect(createObjectURL).not.toHaveBeenCalled()
    expect(fetch).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled() // e.g. React 18's useLayoutEffect-on-the-server warning
  })
})
