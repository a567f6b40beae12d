import { useMemo } from 'react'
import type { SpeechFormat, SpeechModel, SpeechParams, VoxfetchClient, Warning } from '../src/index.ts'
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
}

interface Variables {
  input: string
  overrides: SpeechOverrides | undefined
}

const NO_WARNINGS: readonly Warning[] = Object.freeze([])

/** Text → audio with state: `speak('Hello')`, then `<audio src={audioUrl} />`. */
export function useSpeech(options: UseSpeechOptions): UseSpeechResult {
  const provided = useProvidedClient()
  const { state, run, runAsync, abort, reset } = useRequest<Variables, SpeechAudio, never>({
    async execute({ input, overrides }, { signal }) {
      const { client, params } = resolveCall(options, provided, overrides)
      const result = await client.speech({ ...(params as Omit<SpeechParams, 'input'>), input, signal })
      const blob = await result.blob()
      return {
        blob,
        mediaType: result.mediaType,
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
    }),
    [run, runAsync],
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
      reset,
    }),
    [actions, state, data, audioUrl, abort, reset],
  )
}
