import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { SpeechFormat, SpeechModel, SpeechParams, VoxfetchClient, Warning } from '../src/index.ts'
import { createPlayer, type PlaybackMode, type PlayerState } from '../src/playback/index.ts'
import { resolveCall } from './call-options.ts'
import { useProvidedClient } from './provider.tsx'
import { type RequestResultBase, statusFlags } from './store.ts'
import { useObjectURL } from './use-object-url.ts'
import { useRequest } from './use-request.ts'

/** The audio of one `speak`, read whole. */
export interface SpeechAudio {
  blob: Blob
  /** The type of the audio bytes, e.g. `audio/mpeg`. */
  mediaType: string
  /** The format that was asked for, else the one the bytes show (see `SpeechResult.format`). */
  format: SpeechFormat | undefined
  /** Options the provider could not honour. */
  warnings: readonly Warning[]
  /** `x-request-id` or LiteLLM's `x-litellm-call-id`. */
  requestId: string | undefined
  /** Response headers (in browsers, those exposed by CORS). */
  headers: Headers
}

/** Any speech option for one call, over the hook's options. */
export type SpeechOverrides = Partial<Omit<SpeechParams, 'input' | 'signal'>>

export interface UseSpeechOptions extends Omit<SpeechParams, 'input' | 'signal' | 'model'> {
  /** The model or proxy alias, e.g. `tts`, `openai/tts-1`, `gemini/gemini-2.5-flash-preview-tts`. */
  model: SpeechModel
  /** The client to use. @default the `VoxfetchProvider`'s client, else a default `createClient()` */
  client?: VoxfetchClient
  /**
   * Whether the hook plays the audio itself. `'stream'` starts the sound while the answer is
   * still arriving (PCM and WAV through Web Audio, MP3/AAC through MediaSource where the browser
   * can, else the whole clip); `'whole'` plays once the last byte is in; `false` only fetches, for
   * your own `<audio src={audioUrl}>`. Call `speak` from a user gesture (a click) so the browser
   * lets sound start. State in `playback`; the AudioContext is closed on unmount.
   * @default false
   */
  play?: PlaybackMode | false
  /** Called when a `speak` succeeds (not when it was aborted or superseded). */
  onSuccess?: (audio: SpeechAudio, input: string) => void
  /** Called when a `speak` fails (never for an abort). */
  onError?: (error: Error, input: string) => void
}

export interface UseSpeechResult extends RequestResultBase {
  /** Speaks `input`; the outcome, errors included, goes to the hook's state. Stable identity. */
  speak(input: string, overrides?: SpeechOverrides): void
  /**
   * Speaks `input` and resolves with the audio. Rejects with the error, or with an `AbortError`
   * when aborted or superseded by a newer call (see `isAbortError`). Stable identity.
   */
  speakAsync(input: string, overrides?: SpeechOverrides): Promise<SpeechAudio>
  /** The last audio; while a new one is pending, the previous one until it is replaced. */
  data: SpeechAudio | undefined
  /** A `blob:` URL of `blob` for `<audio src>`, revoked when replaced, reset or unmounted. */
  audioUrl: string | undefined
  blob: Blob | undefined
  mediaType: string | undefined
  warnings: readonly Warning[]
  /** What the hook's player is doing (with `play`): status, `currentTime`, `duration`. */
  playback: PlayerState
  /** Pauses the sound. */
  pause(): void
  /** Resumes paused sound. */
  resume(): void
  /** Stops the sound at once; a `speak` still downloading is aborted. */
  stop(): void
  /** Plays the last audio again from the start (with the `play` mode, `'whole'` when `play` is false). */
  replay(): void
}

interface Variables {
  input: string
  overrides: SpeechOverrides | undefined
}

const NO_WARNINGS: readonly Warning[] = /* @__PURE__ */ Object.freeze([])

/** Text → audio with state: `speak('Hello')`, then `<audio src={audioUrl} />`. */
export function useSpeech(options: UseSpeechOptions): UseSpeechResult {
  const provided = useProvidedClient()
  const [player] = useState(createPlayer)
  const playback = useSyncExternalStore(player.subscribe, player.getSnapshot, player.getSnapshot)
  // Closes the AudioContext and revokes the player's URL; a StrictMode remount simply reopens.
  useEffect(() => () => player.close(), [player])
  const { state, run, runAsync, abort, reset } = useRequest<Variables, SpeechAudio, never>({
    async execute({ input, overrides }, { signal }) {
      const { play = false, ...hookOptions } = options
      // Still inside the click that called `speak`: autoplay policies let sound start from here.
      if (play) player.unlock()
      const { client, params } = resolveCall(hookOptions, provided, overrides)
      const result = await client.speech({ ...(params as Omit<SpeechParams, 'input'>), input, signal })
      const blob = play ? await player.play(result, { mode: play, signal }) : await result.blob()
      return {
        blob,
        // The player hands raw PCM back wrapped in WAV: describe the blob we give.
        mediaType: blob.type || result.mediaType,
        format: result.format,
        warnings: result.warnings,
        requestId: result.requestId,
        headers: result.headers,
      }
    },
    onSuccess: options.onSuccess && ((audio, { input }) => options.onSuccess?.(audio, input)),
    onError: options.onError && ((error, { input }) => options.onError?.(error, input)),
  })
  const data = state.status === 'success' || state.status === 'pending' ? state.data : undefined
  const audioUrl = useObjectURL(data?.blob)
  const actions = useMemo(
    () => ({
      speak: (input: string, overrides?: SpeechOverrides) => run({ input, overrides }),
      speakAsync: (input: string, overrides?: SpeechOverrides) => runAsync({ input, overrides }),
      pause: player.pause,
      resume: player.resume,
      stop() {
        abort()
        player.stop()
      },
      reset() {
        reset()
        player.stop()
      },
    }),
    [run, runAsync, abort, reset, player],
  )
  const blob = data?.blob
  const play = options.play
  const replay = useMemo(
    () => () => void (blob && player.play(blob, { mode: play || 'whole' }).catch(() => {})),
    [blob, play, player],
  )
  return useMemo(
    () => ({
      ...actions,
      status: state.status,
      ...statusFlags(state.status),
      data,
      audioUrl,
      blob: data?.blob,
      mediaType: data?.mediaType,
      warnings: data?.warnings ?? NO_WARNINGS,
      error: state.status === 'error' ? state.error : undefined,
      abort,
      playback,
      replay,
    }),
    [actions, state, data, audioUrl, abort, playback, replay],
  )
}
