import type { OpaqueSpeechInput, ProviderId, TranscriptionInput, Warning } from './types.ts'

const NOT_SENT = 'not sent, as '
const MODELS_WITHOUT_SSE = /^tts-1(-hd)?(-\d{4}-\d{2}-\d{2})?$/

/**
 * Whether an OpenAI-format speech body asks for `stream_format: 'sse'`. A refused or dropped
 * request falls back to plain audio bytes, which stream too, with a warning.
 */
export function sseSpeechFormat(input: OpaqueSpeechInput, provider: ProviderId, model: string, warnings: Warning[]): 'sse' | undefined {
  if (input.stream_format !== 'sse') return undefined
  if (provider === 'proxy') {
    // BerriAI/litellm litellm/proxy/proxy_server.py (audio_speech) hands the JSON body to the
    // router's aspeech → litellm/main.py speech(), whose optional_params take only
    // response_format, speed and instructions: stream_format stays in **kwargs and never reaches
    // the provider. The proxy answers audio bytes (StreamingResponse, media_type audio/mpeg).
    warnings.push({ option: 'stream_format', message: NOT_SENT + 'a LiteLLM proxy drops it' })
    return undefined
  }
  // openai/openai-openapi CreateSpeechRequest.stream_format: "sse is not supported for tts-1 or tts-1-hd".
  if (provider === 'openai' && MODELS_WITHOUT_SSE.test(model)) {
    warnings.push({ option: 'stream_format', message: `${NOT_SENT}${model} has no SSE` })
    return undefined
  }
  return 'sse'
}

/** The multipart field that asks for a streamed transcription, where the server can give one. */
export function streamTranscriptionFields(input: TranscriptionInput, provider: ProviderId, warnings: Warning[]): Array<[string, string]> {
  if (!input.stream) return []
  if (provider === 'proxy') {
    // BerriAI/litellm litellm/main.py atranscription() returns one TranscriptionResponse (anything
    // else raises) and litellm/proxy/proxy_server.py audio_transcriptions answers it as JSON: the
    // proxy never relays transcript events, while transcription() would pass an unknown `stream`
    // on to the provider inside extra_body (litellm/utils.py
    // add_provider_specific_params_to_optional_params). So it is not sent.
    warnings.push({ option: 'stream', message: NOT_SENT + 'a LiteLLM proxy answers whole' })
    return []
  }
  // openai/openai-openapi CreateTranscriptionRequest.stream: ignored by whisper-1, which answers
  // JSON; streamTranscription reads that as one final event.
  return [['stream', 'true']]
}
