import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { type SerializableClientOptions, useSpeech, useVoxfetchClient, VoxfetchProvider } from '../../react/index.ts'
import type { VoxfetchClient } from '../../src/index.ts'
import { TEST_KEYS } from '../emulator/index.ts'
import { useEmulator } from './helpers.tsx'

const emu = useEmulator()

describe('VoxfetchProvider with plain options', () => {
  it('makes one client per distinct value: equal options in a new object keep it', () => {
    const seen: VoxfetchClient[] = []
    function Probe() {
      seen.push(useVoxfetchClient())
      return null
    }
    const options = (timeout: number): SerializableClientOptions => ({ baseURL: emu.emulator.url, apiKey: TEST_KEYS.proxy, headers: { 'x-team': 'a', 'x-app': 'b' }, timeout })
    const { rerender } = render(<VoxfetchProvider options={options(5_000)}><Probe /></VoxfetchProvider>)
    // Same values, new objects, keys in another order: what a Server Component's payload gives.
    rerender(<VoxfetchProvider options={{ timeout: 5_000, headers: { 'x-app': 'b', 'x-team': 'a' }, apiKey: TEST_KEYS.proxy, baseURL: emu.emulator.url }}><Probe /></VoxfetchProvider>)
    rerender(<VoxfetchProvider options={options(9_000)}><Probe /></VoxfetchProvider>)
    expect(seen).toHaveLength(3)
    expect(seen[1]).toBe(seen[0])
    expect(seen[2]).not.toBe(seen[1])
    expect(seen.map((client) => client.options.timeout)).toEqual([5_000, 5_000, 9_000])
  })

  it('hooks below it speak through the client made from the options', async () => {
    function Speaker() {
      const speech = useSpeech({ model: 'tts', voice: 'alloy', response_format: 'wav' })
      return (
        <>
          <button onClick={() => speech.speak('Options from a layout')}>Speak</button>
          {speech.audioUrl && <audio src={speech.audioUrl} />}
        </>
      )
    }
    const { container } = render(
      <VoxfetchProvider options={{ baseURL: emu.emulator.url, apiKey: TEST_KEYS.proxy, headers: { 'x-from': 'provider-options' } }}>
        <Speaker />
      </VoxfetchProvider>,
    )
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Speak' })))
    await waitFor(() => expect(container.querySelector('audio')?.getAttribute('src')).toMatch(/^blob:/), { timeout: 10_000 })
    expect(emu.emulator.requests).toMatchObject([{ path: '/v1/audio/speech', status: 200, headers: { 'x-from': 'provider-options', authorization: `Bearer ${TEST_KEYS.proxy}` } }])
  })

  it('refuses bad options with the typed error naming the field', () => {
    expect(() => render(<VoxfetchProvider options={{ baseURL: 'not a url' }} />)).toThrow(expect.objectContaining({ name: 'InvalidRequestError', field: 'baseURL' }))
  })
})
