import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ComponentType } from 'react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWavText } from '../emulator/index.ts'
import { VoxfetchProvider } from '../../react/index.ts'
import { loadPhrases } from '../fixtures/dictation/compose.ts'
import { fakePlatform, quiet } from './fake-microphone.ts'
import { useEmulator } from './helpers.tsx'

// The README's React example, rendered against the emulator so it never rots.
const root = resolve(import.meta.dirname, '../..')
const emu = useEmulator()
const readme = await readFile(join(root, 'README.md'), 'utf8')
const example = /```tsx\n([\s\S]*?)```/.exec(readme)![1]!
const chatExample = /### Reading a chat answer aloud[\s\S]*?```tsx\n([\s\S]*?)```/.exec(readme)![1]!
let workdir: string

beforeAll(async () => {
  workdir = await mkdtemp(join(root, 'test/.readme-react-'))
})
afterAll(() => rm(workdir, { recursive: true, force: true }))

describe('README React example', () => {
  it('speaks into an <audio> on a blob URL, then transcribes an uploaded file', async () => {
    const file = join(workdir, 'app.tsx')
    await writeFile(
      file,
      example
        .replaceAll("from 'voxfetch/react'", `from '${join(root, 'react/index.ts')}'`)
        .replaceAll("from 'voxfetch'", `from '${join(root, 'src/index.ts')}'`)
        .replaceAll('http://localhost:4000', emu.emulator.url),
    )
    const { App } = (await import(file)) as { App: ComponentType }
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
})

describe('README chat example', () => {
  it('reads a streamed answer aloud, the sentence being spoken marked', async () => {
    const file = join(workdir, 'answer.tsx')
    await writeFile(file, chatExample.replaceAll("from 'voxfetch/react'", `from '${join(root, 'react/index.ts')}'`))
    const { Answer } = (await import(file)) as { Answer: ComponentType<{ textStream: ReadableStream<string>; answer: string }> }
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
})

describe('README dictation example', () => {
  it('shows the text growing while the fake microphone speaks, and offers the whole recording', async () => {
    const platform = fakePlatform()
    const code = [...readme.matchAll(/```tsx\n([\s\S]*?)```/g)].map((match) => match[1]!).find((block) => block.includes('useDictation('))!
    const file = join(workdir, 'dictation.tsx')
    await writeFile(
      file,
      code
        .replaceAll("from 'voxfetch/react'", `from '${join(root, 'react/index.ts')}'`)
        .replaceAll("from 'voxfetch'", `from '${join(root, 'src/index.ts')}'`)
        .replaceAll('http://localhost:4000', emu.emulator.url),
    )
    const { App } = (await import(file)) as { App: ComponentType }
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
