import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ComponentType, ReactElement, ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWavText } from '../emulator/index.ts'
import { VoxfetchProvider } from '../../react/index.ts'
import { blocksOf, ROOT as root, runnableExample } from '../readme-blocks.ts'
import { loadPhrases } from '../fixtures/dictation/compose.ts'
import { fakePlatform, quiet } from './fake-microphone.ts'
import { useEmulator } from './helpers.tsx'

// Every ```tsx block of the README, rendered against the emulator so none can rot.
const emu = useEmulator()
const examples = blocksOf('tsx').map((block) => block.code)
let workdir: string
let count = 0

beforeAll(async () => {
  workdir = await mkdtemp(join(root, 'test/.readme-react-'))
})
afterAll(() => rm(workdir, { recursive: true, force: true }))

/** Imports the README block that contains `marker`, as a user's module would see voxfetch. */
async function load<T>(marker: string): Promise<T> {
  const example = examples.find((code) => code.includes(marker))
  if (!example) throw new Error(`no tsx example contains ${marker}`)
  const file = join(workdir, `example-${++count}.tsx`)
  await writeFile(
    file,
    runnableExample(example, emu.emulator.url),
  )
  return (await import(file)) as T
}

describe('README React examples', () => {
  it('are all rendered here', () => {
    expect(examples).toHaveLength(7)
  })

  it('speaks into an <audio> on a blob URL, then transcribes an uploaded file', async () => {
    const { App } = await load<{ App: ComponentType }>('export function App')
    const { container } = render(<App />)

    fireEvent.click(screen.getByRole('button', { name: 'Speak' }))
    await waitFor(() => expect(container.querySelector('audio')?.getAttribute('src')).toMatch(/^blob:/), { timeout: 10_000 })

    const spoken = await (await emu.client().speech({ model: 'tts', input: 'Uploaded from React', voice: 'alloy', response_format: 'wav' })).blob()
    expect(parseWavText(new Uint8Array(await spoken.arrayBuffer()))).toBe('Uploaded from React')
    fireEvent.change(screen.getByLabelText('Audio file'), {
      target: { files: [new File([await spoken.arrayBuffer()], 'memo.wav', { type: 'audio/wav' })] },
    })
    await screen.findByText('Uploaded from React', {}, { timeout: 10_000 })
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('plays streamed speech from the click (jsdom: the whole-clip fallback), with its voice sent', async () => {
    const { StreamedSpeaker } = await load<{ StreamedSpeaker: ComponentType }>('export function StreamedSpeaker')
    render(<StreamedSpeaker />, { wrapper: emu.wrapper() })
    expect(screen.getByText('idle')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Speak' }))
    await screen.findByText('loading', {}, { timeout: 10_000 })
    expect(emu.emulator.requests.map((request) => request.json)).toEqual([
      expect.objectContaining({ model: 'tts', voice: 'alloy', response_format: 'wav', input: 'Starts while it downloads' }),
    ])
  })

  it('renders the recorder example (jsdom has no microphone: it stays idle)', async () => {
    const { Dictaphone } = await load<{ Dictaphone: ComponentType }>('export function Dictaphone')
    const { container } = render(<Dictaphone />, { wrapper: emu.wrapper() })
    expect(screen.getByRole('button', { name: 'Record' })).toBeTruthy()
    expect(container.querySelector('meter')?.getAttribute('value')).toBe('0')
  })

  it('renders the Next.js layout on the server, and its speak button speaks with the options the layout gives', async () => {
    const { default: RootLayout } = await load<{ default: (props: { children: ReactNode }) => ReactElement }>('export default function RootLayout')
    const { SpeakButton } = await load<{ SpeakButton: ComponentType<{ text: string }> }>('export function SpeakButton')
    expect(renderToString(<RootLayout><SpeakButton text="Hello from Next.js" /></RootLayout>)).toMatch(/^<html lang="en">(?:<head><\/head>)?<body><button>Speak<\/button><\/body><\/html>$/)
    // In the browser the layout's <html> is the document's; its provider (the body's child) renders here.
    const layout = RootLayout({ children: <SpeakButton text="Hello from Next.js" /> }) as ReactElement<{ children: ReactElement<{ children: ReactElement }> }>
    const { container } = render(layout.props.children.props.children)
    fireEvent.click(screen.getByRole('button', { name: 'Speak' }))
    await waitFor(() => expect(container.querySelector('audio')?.getAttribute('src')).toMatch(/^blob:/), { timeout: 10_000 })
    expect(emu.emulator.requests).toMatchObject([{ json: { model: 'tts', voice: 'alloy', input: 'Hello from Next.js' } }])
  })

  it('reads a streamed chat answer aloud, the sentence being spoken marked', async () => {
    const { Answer } = await load<{ Answer: ComponentType<{ textStream: ReadableStream<string>; answer: string }> }>('export function Answer')
    const answer = 'The first sentence is read first. Then the second one follows it.'
    let position = 0
    const textStream = new ReadableStream<string>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        if (position >= answer.length) return controller.close()
        controller.enqueue(answer.slice(position, (position += 5)))
      },
    })
    const { container } = render(<VoxfetchProvider client={emu.client()}><Answer textStream={textStream} answer={answer} /></VoxfetchProvider>)
    fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }))
    // jsdom has no Web Audio: the first piece goes to the audio element, which never ends here.
    await waitFor(() => expect(container.querySelector('mark')?.textContent).toBe('The first sentence is read first.'), { timeout: 10_000 })
    expect(emu.emulator.requests.map((request) => (request.json as { input: string }).input)).toContain('The first sentence is read first.')
  })
  it('shows dictated text growing while the fake microphone speaks, and offers the whole recording', async () => {
    const platform = fakePlatform()
    const { App } = await load<{ App: ComponentType }>('useDictation(')
    render(<App />)
    fireEvent.click(screen.getByRole('button', { name: 'Dictate' }))
    await screen.findByRole('button', { name: 'Stop' })
    const [first, second] = loadPhrases()
    act(() => platform.play(first!.samples))
    act(() => platform.play(quiet(900)))
    await waitFor(() => expect(screen.getByTestId('dictated').textContent).toContain(first!.text), { timeout: 10_000 })
    act(() => platform.play(second!.samples))
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }))
    await waitFor(() => expect(screen.getByTestId('dictated').textContent?.trim()).toBe(`${first!.text} ${second!.text}`), { timeout: 10_000 })
    expect((await screen.findByRole('link', { name: 'Recording' })).getAttribute('href')).toMatch(/^blob:/)
    expect(platform.track.readyState).toBe('ended')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
