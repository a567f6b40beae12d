/** The formats LiteLLM's Gemini speech path produces (it only gets raw PCM16 from Gemini). */
export const GEMINI_TTS_FORMATS = ['pcm', 'wav'] as const

/**
 * LiteLLM's refusal of any other `response_format` for a Gemini TTS model, as the proxy answers it;
 * undefined when the format is fine. BerriAI/litellm litellm/llms/gemini/speech_audio.py
 * (validate_gemini_tts_speech_format), called from
 * litellm/endpoints/speech/speech_to_completion_bridge/transformation.py: only a string format
 * outside {wav, pcm} is refused (none at all is fine), with litellm.exceptions.BadRequestError,
 * whose message gets the `litellm.BadRequestError: ` prefix and whose status is 400. The proxy
 * turns it into a ProxyException (litellm/proxy/_types.py: `code` is `str(400)`); `type` and
 * `param` are None because openai-python's APIError sets them from a body LiteLLM does not pass.
 * Not read in the newest source: the speech endpoint's own except block, assumed to use the
 * proxy's common handler like the other endpoints (older versions re-raised as-is).
 */
export function checkGeminiFormat(format: unknown) {
  if (typeof format !== 'string' || (GEMINI_TTS_FORMATS as readonly string[]).includes(format)) return undefined
  const supported = [...GEMINI_TTS_FORMATS].sort().join(', ')
  const message = `litellm.BadRequestError: Gemini TTS only produces raw PCM16 audio, so response_format='${format}' is not supported. Supported response formats: ${supported}.`
  return { error: { message, type: null, param: null, code: '400' } }
}
