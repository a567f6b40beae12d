import type { Warning } from '../speech-result.ts'
import type { ProviderId, SpeechInput } from './types.ts'

const MODELS_WITHOUT_SSE = /^tts-1(-hd)?(-\d{4}-\d{2}-\d{2})?$/

/**
 * Whether an OpenAI-format speech body asks for `stream_format: 'sse'`. A refused or dropped
 * request falls back to plain audio bytes, which stream too, with a warning.
 */
export function sseSpeechFormat(input: SpeechInput, provider: ProviderId, model: string, warnings: Warning[]): 'sse' | undefined {
  if (input.stream_format !== 'sse') return undefined
  if (provider === 'proxy') {
    // BerriAI/litellm litellm/proxy/proxy_server.py (audio_speech) hands the JSON body to the
    // router's aspeech → litellm/main.py speech(), whose optional_params take only
    // response_format, speed and instructions: stream_format stays in **kwargs and never reaches
    // the provider. The proxy answers audio bytes (StreamingResponse, media_type audio/mpeg).
    warnings.push({ option: 'stream_format', message: 'a LiteLLM proxy does not pass stream_format on; it was not sent, and the audio arrives as plain bytes' })
    return undefined
  }
  // openai/openai-openapi CreateSpeechRequest.stream_format: "sse is not supported for tts-1 or tts-1-hd".
  if (provider === 'openai' && MODELS_WITHOUT_SSE.test(model)) {
    warnings.push({ option: 'stream_format', message: `${model} does not stream server-sent events; it was not sent, and the audio arrives as plain bytes` })
    return undefined
  }
  return 'sse'
}
