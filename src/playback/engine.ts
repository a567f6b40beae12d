/** What the player hears back from the engine playing the current clip. */
export interface EngineEvents {
  /** Sound is (about to be) audible. */
  playing(): void
  /** The last sample has played. */
  ended(): void
  error(error: Error): void
  /** Time or duration moved. */
  changed(): void
}

/** What the player does with whatever is sounding: a clip (Engine) or the pieces of one speech. */
export interface PlaybackControls {
  /** No more audio will come. */
  end(): void
  pause(): void
  resume(): void
  /** Silences the sound at once and releases what it holds. */
  stop(): void
  /** Seconds into the sound. */
  readonly currentTime: number
  /** Seconds, once the last audio is in. */
  readonly duration: number | undefined
}

/** One clip being played one way (Web Audio, MediaSource or a whole-clip blob URL). */
export interface Engine extends PlaybackControls {
  /** The next bytes of the clip; `false` when this engine cannot play them after all. */
  write(bytes: Uint8Array): boolean
}

/** Forwards an audio element's events to the player; returns the unsubscription. */
export function bindElement(element: HTMLAudioElement, events: EngineEvents): () => void {
  const handlers: [string, () => void][] = [
    ['playing', () => events.playing()],
    ['ended', () => events.ended()],
    ['error', () => events.error(new Error(`The browser could not play the audio (media error ${element.error?.code ?? '?'}: ${element.error?.message ?? 'unknown'})`))],
    ['timeupdate', () => events.changed()],
    ['durationchange', () => events.changed()],
  ]
  for (const [name, handler] of handlers) element.addEventListener(name, handler)
  return () => {
    for (const [name, handler] of handlers) element.removeEventListener(name, handler)
  }
}

/**
 * The controls shared by the engines that sound through the audio element: its events forwarded
 * from now on, `start(url)`, pause, resume, and a `stop` that silences it and lets the data go.
 */
export function elementPlayback(element: HTMLAudioElement, events: EngineEvents) {
  let stopped = false
  const unbind = bindElement(element, events)
  const start = () => startElement(element, events, () => !stopped)
  return {
    get stopped() {
      return stopped
    },
    start(url: string) {
      element.src = url
      start()
    },
    pause: () => element.pause(),
    resume: start,
    stop() {
      stopped = true
      unbind()
      resetElement(element)
    },
  }
}

/** Starts an element; a refusal (autoplay policy, unsupported source) becomes an engine error. */
export function startElement(element: HTMLAudioElement, events: EngineEvents, isCurrent: () => boolean): void {
  // Older engines (and jsdom) return nothing from play().
  element.play()?.catch((error: unknown) => {
    // A pause or a new source interrupts a pending play(): that is not a failure.
    if (!isCurrent() || (error instanceof DOMException && error.name === 'AbortError')) return
    events.error(error instanceof Error ? error : new Error(String(error)))
  })
}

/** Detaches a source from an element so it stops at once and lets the data go. */
export function resetElement(element: HTMLAudioElement): void {
  element.pause()
  element.removeAttribute('src')
  element.load()
}

export function finiteOrUndefined(value: number): number | undefined {
  return Number.isFinite(value) && value > 0 ? value : undefined
}
