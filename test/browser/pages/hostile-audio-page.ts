// Test page for test/browser/hostile-audio.test.ts: the player fed WAV headers that cannot be true.
import { createPlayer } from '../../../src/playback/index.ts'

/** A 44-byte WAV header with the fields given (a hostile server writes what it likes), then silence. */
function wav(channels: number, sampleRate: number, bitsPerSample: number, samples: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples)
  const view = new DataView(bytes.buffer)
  const ascii = (offset: number, text: string) => [...text].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)))
  ascii(0, 'RIFF')
  view.setUint32(4, 36 + samples, true)
  ascii(8, 'WAVE')
  ascii(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, channels, true)
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * channels * 2, true)
  view.setUint16(32, channels * 2, true)
  view.setUint16(34, bitsPerSample, true)
  ascii(36, 'data')
  view.setUint32(40, 0xffffffff, true)
  return bytes
}

Object.assign(window, {
  /** Plays a streamed WAV with the header given; resolves with what became of it (if the page is still alive). */
  async playHeader(channels: number, sampleRate: number, bitsPerSample: number) {
    const player = createPlayer()
    const bytes = wav(channels, sampleRate, bitsPerSample, 48_000)
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 4096) controller.enqueue(bytes.slice(offset, offset + 4096))
        controller.close()
      },
    })
    const engines: string[] = []
    player.subscribe(() => {
      const state = player.getSnapshot()
      if (state.status !== 'idle') engines.push(state.engine)
    })
    const outcome = await player.play({ body, mediaType: 'audio/wav' }).then(() => 'downloaded', (error: Error) => error.name)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const status = player.getSnapshot().status
    player.close()
    return { outcome, status, engine: engines.at(-1) }
  },
  ready: true,
})
