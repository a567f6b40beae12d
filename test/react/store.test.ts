import { describe, expect, it, vi } from 'vitest'
import { isAbortError } from '../../src/index.ts'
import { createRequestStore, type RequestContext } from '../../react/store.ts'

/** A store whose requests the test settles by hand, to order races exactly. */
function manualStore() {
  const calls: { variables: string; context: RequestContext<number>; resolve(data: string): void; reject(error: unknown): void }[] = []
  const onSuccess = vi.fn()
  const onError = vi.fn()
  const store = createRequestStore<string, string, number>({
    execute: (variables, context) =>
      new Promise((resolve, reject) => {
        calls.push({ variables, context, resolve, reject })
      }),
    onSuccess,
    onError,
  })
  return { store, calls, onSuccess, onError }
}

const settle = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: unknown) => ({ error }))

describe('request store (no React)', () => {
  it('lets the last call win: the earlier request is aborted and its late answer ignored', async () => {
    const { store, calls, onSuccess } = manualStore()
    const first = settle(store.run('a'))
    const second = store.run('b')
    expect(calls[0]!.context.signal.aborted).toBe(true)
    calls[1]!.resolve('B')
    calls[0]!.resolve('A')
    expect(await second).toBe('B')
    expect(isAbortError((await first as { error: unknown }).error)).toBe(true)
    expect(store.getSnapshot()).toEqual({ status: 'success', data: 'B' })
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess).toHaveBeenCalledWith('B', 'b')
  })

  it('returns to idle on abort, not error, and rejects the run with the AbortError', async () => {
    const { store, calls, onError } = manualStore()
    const run = settle(store.run('a'))
    store.abort()
    expect(store.getSnapshot()).toEqual({ status: 'idle' })
    calls[0]!.reject(calls[0]!.context.signal.reason)
    expect(isAbortError((await run as { error: unknown }).error)).toBe(true)
    expect(store.getSnapshot()).toEqual({ status: 'idle' })
    expect(onError).not.toHaveBeenCalled()
  })

  it('puts a failure in state and calls onError once', async () => {
    const { store, calls, onError } = manualStore()
    const run = settle(store.run('a'))
    const failure = new Error('boom')
    calls[0]!.reject(failure)
    expect(await run).toEqual({ error: failure })
    expect(store.getSnapshot()).toEqual({ status: 'error', error: failure })
    expect(onError).toHaveBeenCalledWith(failure, 'a')
  })

  it('publishes progress only for the current request and keeps the previous data while pending', async () => {
    const { store, calls } = manualStore()
    const first = store.run('a')
    calls[0]!.resolve('A')
    await first
    void settle(store.run('b'))
    calls[1]!.context.progress(40)
    expect(store.getSnapshot()).toEqual({ status: 'pending', data: 'A', progress: 40 })
    void settle(store.run('c'))
    calls[1]!.context.progress(80)
    expect(store.getSnapshot()).toEqual({ status: 'pending', data: 'A', progress: undefined })
  })

  it('notifies subscribers only on change and replaces the snapshot each time', async () => {
    const { store, calls } = manualStore()
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    const idle = store.getSnapshot()
    store.abort()
    store.reset()
    expect(listener).not.toHaveBeenCalled()
    expect(store.getSnapshot()).toBe(idle)
    const run = store.run('a')
    const pending = store.getSnapshot()
    expect(pending).not.toBe(idle)
    calls[0]!.resolve('A')
    await run
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    store.reset()
    expect(listener).toHaveBeenCalledTimes(2)
  })
})
