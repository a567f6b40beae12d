import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { ComponentType } from 'react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseWavText } from '../emulator/index.ts'
import { useEmulator } from './helpers.tsx'

// The README's React example, rendered against the emulator so it never rots.
const root = resolve(import.meta.dirname, '../..')
const emu = useEmulator()
const readme = await readFile(join(root, 'README.md'), 'utf8')
const example = /```tsx\n([\s\S]*?)```/.exec(readme)![1]!
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
