import { useMemo } from 'react'
import type {
  AudioInput,
  Transcription,
  TranscriptionModel,
  TranscriptionParams,
  UploadProgress,
  VoxfetchClient,
} from '../src/index.ts'
import { assertAccepted } from './accept.ts'
import { batchPerFrame } from './frame-batch.ts'
import { resolveCall } from './call-options.ts'
import { useProvidedClient } from './provider.tsx'
import { type RequestResultBase, statusFlags } from './store.ts'
import { useRequest } from './use-request.ts'

/**
 * How far a transcription is: bytes going out, then the server working on them. When a
 * retryable failure sends the upload again, `attempt` goes up and `phase` goes from
 * `processing` back to `uploading` with `loaded` from 0; it never does so with the same
 * `attempt`.
 */
export interface TranscriptionProgress extends UploadProgress {
  /** `uploading` until every byte is sent (100 %), then `processing` until the answer arrives. */
  phase: 'uploading' | 'processing'
}

/** Any transcription option for one call, over the hook's options. */
export type TranscriptionOverrides = Partial<Omit<TranscriptionParams, 'file' | 'signal' | 'onUploadProgress'>>

export interface UseTranscriptionOptions
  extends Omit<TranscriptionParams, 'file' | 'signal' | 'onUploadProgress' | 'model'> {
  /** The model or proxy alias, e.g. `whisper`, `openai/whisper-1`. */
  model: TranscriptionModel
  /** The client to use. @default the `VoxfetchProvider`'s client, else a default `createClient()` */
  client?: VoxfetchClient
  /**
   * Accepted files, as in `<input accept>`: MIME types (`audio/wav`), wildcards (`audio/*`) or
   * extensions (`.wav`). Another file fails with an `InvalidRequestError` (field `file`) before
   * anything is sent. @default any format servers take
   */
  accept?: readonly string[]
  /** Called when a transcription succeeds (not when it was aborted or superseded). */
  onSuccess?: (transcription: Transcription, file: AudioInput) => void
  /** Called when a transcription fails (never for an abort). */
  onError?: (error: Error, file: AudioInput) => void
  /**
   * Ask for the transcript as it is recognized (`client.streamTranscription`): `partialText`
   * grows with each delta while the request is pending (gpt-4o transcribers; others answer whole).
   * Upload progress is not reported then: in browsers it needs XMLHttpRequest, which would hold
   * the answer back until its end. @default false
   */
  stream?: boolean
}

export interface UseTranscriptionResult extends RequestResultBase {
  /** Transcribes `file`; the outcome, errors included, goes to the hook's state. Stable identity. */
  transcribe(file: AudioInput, overrides?: TranscriptionOverrides): void
  /**
   * Transcribes `file` and resolves with the result. Rejects with the error, or with an
   * `AbortError` when aborted or superseded by a newer call (see `isAbortError`). Stable identity.
   */
  transcribeAsync(file: AudioInput, overrides?: TranscriptionOverrides): Promise<Transcription>
  /** Upload progress while pending (updated at most 20 times a second), else `undefined`. */
  progress: TranscriptionProgress | undefined
  /** The transcript of `data`. */
  text: string | undefined
  /**
   * The transcript of the request in flight as it grows (with `stream: true`): the text so far
   * while pending, else the same as `text`. Render `partialText` to show words as they come.
   */
  partialText: string | undefined
  /** The last result; while a new one is pending, the previous one until it is replaced. */
  data: Transcription | undefined
}

interface Variables {
  file: AudioInput
  overrides: TranscriptionOverrides | undefined
}

/** What a pending transcription publishes: upload progress, or the text streamed so far. */
interface Activity {
  upload?: TranscriptionProgress
  partialText?: string
}

/** Audio → text with upload progress and client-side checks: `transcribe(file)`, then `text`. */
export function useTranscription(options: UseTranscriptionOptions): UseTranscriptionResult {
  const provided = useProvidedClient()
  const { state, run, runAsync, abort, reset } = useRequest<Variables, Transcription, Activity>({
    async execute({ file, overrides }, { signal, progress }) {
      const { client, params } = resolveCall(options, provided, overrides)
      assertAccepted(file, options.accept, params.filename as string | undefined)
      const call = { ...(params as Omit<TranscriptionParams, 'file'>), file, signal }
      if (options.stream) {
        const stream = await client.streamTranscription(call)
        const partial = batchPerFrame((partialText: string) => progress({ partialText }))
        try {
          for await (const event of stream) {
            if (event.type === 'transcript.text.delta') partial.push(event.text)
          }
          partial.flush()
        } finally {
          partial.cancel()
        }
        return stream.final
      }
      return client.transcription({
        ...call,
        onUploadProgress: (upload) => progress({ upload: { ...upload, phase: upload.percent < 100 ? 'uploading' : 'processing' } }),
      })
    },
    onSuccess: options.onSuccess && ((result, { file }) => options.onSuccess?.(result, file)),
    onError: options.onError && ((error, { file }) => options.onError?.(error, file)),
  })
  const data = state.status === 'success' || state.status === 'pending' ? state.data : undefined
  const actions = useMemo(
    () => ({
      transcribe: (file: AudioInput, overrides?: TranscriptionOverrides) => run({ file, overrides }),
      transcribeAsync: (file: AudioInput, overrides?: TranscriptionOverrides) => runAsync({ file, overrides }),
    }),
    [run, runAsync],
  )
  return useMemo(
    () => ({
      ...actions,
      status: state.status,
      ...statusFlags(state.status),
      progress: state.status === 'pending' ? state.progress?.upload : undefined,
      text: data?.text,
      partialText: state.status === 'pending' ? state.progress?.partialText : data?.text,
      data,
      error: state.status === 'error' ? state.error : undefined,
      abort,
      reset,
    }),
    [actions, state, data, abort, reset],
  )
}
