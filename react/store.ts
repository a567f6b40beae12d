/**
 * Where one request stands. While a new request is pending, `data` keeps the previous result
 * (so a player keeps its audio until the new one replaces it).
 */
export type RequestState<Data, Progress = never> =
  | { status: 'idle' }
  | { status: 'pending'; data: Data | undefined; progress: Progress | undefined }
  | { status: 'success'; data: Data }
  | { status: 'error'; error: Error }

export type RequestStatus = RequestState<unknown>['status']

/** The booleans the hooks derive from a status. */
export function statusFlags(status: RequestStatus) {
  return {
    isIdle: status === 'idle',
    isPending: status === 'pending',
    isSuccess: status === 'success',
    isError: status === 'error',
  }
}

/** What both hooks report about their request, beside their own results. */
export interface RequestResultBase {
  status: RequestStatus
  isIdle: boolean
  isPending: boolean
  isSuccess: boolean
  isError: boolean
  error: Error | undefined
  /** Cancels the request in flight (an upload too) and returns to idle, letting the last result go. */
  abort(): void
  /** Cancels the request in flight and forgets the last result or error. */
  reset(): void
}

export interface RequestContext<Progress> {
  /** Aborted when the request is cancelled, superseded or its owner goes away. */
  signal: AbortSignal
  /** Publishes progress of the request while it is the current one. */
  progress(progress: Progress): void
}

export interface RequestStoreOptions<Variables, Data, Progress> {
  execute(variables: Variables, context: RequestContext<Progress>): Promise<Data>
  onSuccess?(data: Data, variables: Variables): void
  onError?(error: Error, variables: Variables): void
}

export interface RequestStore<Variables, Data, Progress = never> {
  getSnapshot(): RequestState<Data, Progress>
  subscribe(listener: () => void): () => void
  /**
   * Starts a request and aborts the one in flight: the last call wins. Resolves with its data;
   * rejects with its error, or with an `AbortError` when it was aborted or superseded.
   */
  run(variables: Variables): Promise<Data>
  /** Aborts the request in flight, if any, and returns to idle. */
  abort(): void
  /** Aborts the request in flight and forgets the last result or error. */
  reset(): void
}

const IDLE = /* @__PURE__ */ Object.freeze({ status: 'idle' as const })

/**
 * A framework-agnostic store for one kind of request, one at a time: one AbortController per
 * request, state replaced (never mutated) on every change so snapshots compare by identity.
 */
export function createRequestStore<Variables, Data, Progress = never>(
  options: RequestStoreOptions<Variables, Data, Progress>,
): RequestStore<Variables, Data, Progress> {
  let state: RequestState<Data, Progress> = IDLE
  let current: AbortController | undefined
  const listeners = new Set<() => void>()

  const set = (next: RequestState<Data, Progress>) => {
    state = next
    for (const listener of [...listeners]) listener()
  }
  const cancel = () => {
    const controller = current
    current = undefined
    controller?.abort()
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    run(variables) {
      cancel()
      const controller = new AbortController()
      current = controller
      const previous = state.status === 'success' || state.status === 'pending' ? state.data : undefined
      set({ status: 'pending', data: previous, progress: undefined })
      const context: RequestContext<Progress> = {
        signal: controller.signal,
        progress(progress) {
          if (current === controller && state.status === 'pending') set({ ...state, progress })
        },
      }
      return new Promise<Data>((resolve) => resolve(options.execute(variables, context))).then(
        (data) => {
          // A superseded request may still succeed if its answer was already in; it is stale.
          if (current !== controller) throw abortReason(controller.signal)
          current = undefined
          set({ status: 'success', data })
          notify(() => options.onSuccess?.(data, variables))
          return data
        },
        (reason: unknown) => {
          // Aborted or superseded: whoever cancelled it already moved the state on.
          if (current !== controller) throw reason
          current = undefined
          const error = reason instanceof Error ? reason : new Error(String(reason), { cause: reason })
          set({ status: 'error', error })
          notify(() => options.onError?.(error, variables))
          throw error
        },
      )
    },
    abort() {
      if (!current) return
      cancel()
      set(IDLE)
    },
    reset() {
      cancel()
      if (state !== IDLE) set(IDLE)
    },
  }
}

/** Runs a user callback; if it throws, the error surfaces as uncaught instead of changing the outcome. */
function notify(callback: () => void): void {
  try {
    callback()
  } catch (error) {
    queueMicrotask(() => {
      throw error
    })
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
}
