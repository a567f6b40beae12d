/** The id a server gave the request: OpenAI's `x-request-id`, LiteLLM's call id, or Azure's. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('x-litellm-call-id') ?? headers.get('apim-request-id') ?? undefined
}
