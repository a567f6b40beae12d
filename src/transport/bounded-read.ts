/**
 * Reads at most `maxBytes` of a body as text, then cancels the rest so a hostile or broken
 * server cannot make the client hold (or wait for) more. `truncated` says whether bytes were
 * left unread. Read errors propagate: the caller decides what they mean.
 */
export async function readBounded(response: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { text: text + decoder.decode(), truncated: false }
    const room = maxBytes - received
    received += value.byteLength
    if (value.byteLength > room) {
      reader.cancel().catch(() => {})
      return { text: text + decoder.decode(value.subarray(0, room)), truncated: true }
    }
    text += decoder.decode(value, { stream: true })
  }
}
