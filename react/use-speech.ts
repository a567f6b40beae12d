import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type {
  SpeechFields, SpeechFormat, SpeechModel, SpeechParams, SpeechSegment, StreamSpeechParams, TextSource, VoxfetchClient, Warning,
  WithRequiredVoice,
} from '../src/index.ts'
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
export type SpeechOverrides = Partial<Omit<SpeechFields, 'input' | 'signal'>>

/** Any option of a streamed text's speech for one call (`locale`, `minChars`, `markdown`…), over the hook's. */
export type SpeechStreamOverrides = SpeechOverrides & Partial<Pick<StreamSpeechParams, 'locale' | 'minChars' | 'maxChars' | 'firstClauseChars' | 'concurrency' | 'markdown'>>

/**
 * The hook's options; `voice` is required except for Gemini and Vertex AI models (see
 * `SpeechModelWithDefaultVoice`), as each `speak` needs one.
 */
export type UseSpeechOptions = WithRequiredVoice<UseSpeechFields>

/** {@link UseSpeechOptions} before the `voice` rule. */
export interface UseSpeechFields extends Omit<SpeechFields, 'input' | 'signal' | 'model'> {
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
  /** Called when a `speak` succeeds (not when it was aborted or superseded); for `speakStream`, `input` is the text spoken. */
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
  /**
   * Speaks a text while it is still being written (an LLM's answer: a `ReadableStream<string>`,
   * an `AsyncIterable<string>` such as the AI SDK's `textStream`, or a string), sentence by
   * sentence, gapless with `play` (see `streamSpeech`). `segment` is the sentence sounding now.
   * A new `speak` or `speakStream` stops it; so does unmounting. When it ends, `data` holds the
   * whole clip. Stable identity.
   */
  speakStream(text: TextSource, overrides?: SpeechStreamOverrides): void
  /** `speakStream` that resolves with the whole clip (rejects like `speakAsync`). Stable identity. */
  speakStreamAsync(text: TextSource, overrides?: SpeechStreamOverrides): Promise<SpeechAudio>
  /** With `play` and `speakStream`: the text of the sentence sounding now. */
  segment: string | undefined
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

type Variables =
  | { input: string; overrides: SpeechOverrides | undefined; text?: undefined }
  | { input: string; overrides: SpeechStreamOverrides | undefined; text: TextSource }

const NO_WARNINGS: readonly Warning[] = /* @__PURE__ */ Object.freeze([])

/** Text → audio with state: `speak('Hello')`, then `<audio src={audioUrl} />`. */
export function useSpeech(options: UseSpeechOptions): UseSpeechResult {
  const provided = useProvidedClient()
  const [player] = useState(createPlayer)
  const playback = useSyncExternalStore(player.subscribe, player.getSnapshot, player.getSnapshot)
  // Closes the AudioContext and revokes the player's URL; a StrictMode remount simply reopens.
  useEffect(() => () => player.close(), [player])
  const { state, run, runAsync, abort, reset } = useRequest<Variables, SpeechAudio, never>({
    async execute(variables, { signal }) {
      const { input, overrides } = variables
      const { play = false, ...hookOptions } = options
      // Still inside the click that called `speak`: autoplay policies let sound start from here.
      if (play) player.unlock()
      const { client, params } = resolveCall(hookOptions, provided, overrides)
      if (variables.text !== undefined) {
        const stream = await client.streamSpeech({ ...(params as Omit<StreamSpeechParams, 'text'>), text: variables.text, signal })
        let last: SpeechSegment | undefined
        const spoken: string[] = []
        const seen = (async function* () {
          for await (const segment of stream) {
            last = segment
            spoken.push(segment.text)
            yield segment
          }
        })()
        const pieces = Object.assign(seen, { cancel: (reason?: unknown) => stream.cancel(reason) })
        // Asked for before the pieces are read, so they are kept for the whole clip.
        const whole = stream.blob()
        // Awaited below unless the playing fails first; that failure is the one reported.
        whole.catch(() => {})
        if (play) await player.playSegments(pieces, { signal })
        else for await (const _ of pieces);
        const blob = await whole
        // onSuccess is told the text that was spoken.
        variables.input = spoken.join(' ')
        return {
          blob, mediaType: blob.type, format: last?.format, warnings: last?.warnings ?? NO_WARNINGS,
          requestId: last?.requestId, headers: new Headers(),
        }
      }
      const result = await client.speech({ ...params, input, signal } as SpeechParams)
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
      speakStream: (text: TextSource, overrides?: SpeechStreamOverrides) => run({ input: '', overrides, text }),
      speakStreamAsync: (text: TextSource, overrides?: SpeechStreamOverrides) => runAsync({ input: '', overrides, text }),
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
      segment: playback.status === 'idle' ? undefined : playback.segment?.text,
      replay,
    }),
    [actions, state, data, audioUrl, abort, playback, replay],
  )
}
