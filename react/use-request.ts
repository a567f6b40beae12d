import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { createRequestStore, type RequestContext, type RequestState } from './store.ts'

export interface RequestHandlers<Variables, Data, Progress> {
  execute(variables: Variables, context: RequestContext<Progress>): Promise<Data>
  onSuccess?: ((data: Data, variables: Variables) => void) | undefined
  onError?: ((error: Error, variables: Variables) => void) | undefined
}

export interface RequestControls<Variables, Data, Progress> {
  state: RequestState<Data, Progress>
  /** Fire and forget: the outcome, errors included, goes to `state`. */
  run(variables: Variables): void
  runAsync(variables: Variables): Promise<Data>
  abort(): void
  reset(): void
}

// Layout effects warn during a React 18 server render; there is nothing to update there anyway.
const useLatestEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * React glue over one request store: the store is made once, the latest handlers are read when
 * a request runs or settles (so they may change every render), and unmounting aborts.
 */
export function useRequest<Variables, Data, Progress>(
  handlers: RequestHandlers<Variables, Data, Progress>,
): RequestControls<Variables, Data, Progress> {
  const latest = useRef(handlers)
  useLatestEffect(() => {
    latest.current = handlers
  })
  const [store] = useState(() =>
    createRequestStore<Variables, Data, Progress>({
      execute: (variables, context) => latest.current.execute(variables, context),
      onSuccess: (data, variables) => latest.current.onSuccess?.(data, variables),
      onError: (error, variables) => latest.current.onError?.(error, variables),
    }),
  )
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
  useEffect(() => () => store.abort(), [store])
  const actions = useMemo(
    () => ({
      run: (variables: Variables) => void store.run(variables).catch(ignore),
      runAsync: store.run,
      abort: store.abort,
      reset: store.reset,
    }),
    [store],
  )
  return { state, ...actions }
}

function ignore(): void {}
