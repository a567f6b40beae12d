/**
 * LiteLLM's proxy wraps some refusals in a Python dict's repr, e.g. `{'error': '/audio/speech:
 * Invalid model name passed in model=x. …'}` (its ProxyException takes `str(dict)` as the message),
 * with `type`, `param` and `code` set to the text "None". The error keeps the message as the proxy
 * sent it; this is the sentence inside, for reading.
 */
export function readableProxyMessage(message: string): string | undefined {
  // voxfetch puts the status first (`400 {'error': …}`); the status is shown beside it anyway.
  const inner = /^(?:\d{3} )?\{'(?:error|message|detail)': ['"]([\s\S]*)['"]\}$/.exec(message.trim())
  return inner?.[1]?.replace(/\\'/g, "'")
}

/** A field the proxy filled with Python's `None`: there is nothing to show. */
export const isPythonNone = (value: unknown): boolean => value === 'None'
