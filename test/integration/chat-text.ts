/**
 * An OpenAI-compatible chat answer as a text stream: the SSE body of `/v1/chat/completions` with
 * `stream: true`, mapped to its `choices[0].delta.content` pieces, as an app would do it.
 */
export async function chatTextStream(url: string, apiKey: string, headers: Record<string, string> = {}): Promise<ReadableStream<string>> {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'chat', stream: true, messages: [{ role: 'user', content: 'Say something.' }] }),
  })
  if (!response.ok || !response.body) throw new Error(`chat answered ${response.status}`)
  let buffer = ''
  return response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new TransformStream<string, string>({
    transform(text, controller) {
      buffer += text
      const events = buffer.split('\n\n')
      buffer = events.pop() ?? ''
      for (const event of events) {
        const data = event.replace(/^data: /, '')
        if (data === '[DONE]') continue
        const content = (JSON.parse(data) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content
        if (content) controller.enqueue(content)
      }
    },
  }))
}

/** A chat answer of about 600 characters, as the bench and the browser suite speak it. */
export const FIRST = 'Here is the answer you asked for.'
export const ANSWER = [
  FIRST,
  'It is spoken while it is still being written, one sentence after another.',
  'Each sentence goes to the speech model as soon as it is complete.',
  'Two requests run ahead of the voice, so the next clip is ready when the last one ends.',
  'The clips are played back to back on one audio timeline, with no gap between them.',
  'A listener hears one voice reading the whole answer.',
  'Markdown is stripped before speaking, so symbols are never read out loud.',
  'If the network is slow, the voice waits for the next sentence rather than skipping it.',
  'That is the end of the answer.',
].join(' ')
