import { describe, expect, it } from 'vitest'
import { createPlayer } from '../../../src/playback/player.ts'

/** A body that never ends (a download in progress), noting whether it was cancelled. */
function openBody() {
  const seen = { cancelled: false }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(64))
    },
    cancel() {
      seen.cancelled = true
    },
  })
  return { body, seen }
}

// Outside a browser the player has no engine to sound with, but it still owns the downloads and
// the state: what these tests look at.
describe('the player as a store', () => {
  it('play() with a signal already aborted stops the clip before, cancels the new body, settles to idle and rejects with AbortError', async () => {
    const player = createPlayer()
    const first = openBody()
    const playing = player.play({ body: first.body, mediaType: 'audio/mpeg' })
    playing.catch(() => {})
    expect(player.getSnapshot().status).toBe('loading')

    const second = openBody()
    const error = await player.play({ body: second.body, mediaType: 'audio/mpeg' }, { signal: AbortSignal.abort() }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'AbortError' })
    expect(player.getSnapshot()).toEqual({ status: 'idle' })
    await expect.poll(() => second.seen.cancelled).toBe(true)
    await expect.poll(() => first.seen.cancelled).toBe(true)
    await expect(playing).rejects.toMatchObject({ name: 'AbortError' })
  })
})
