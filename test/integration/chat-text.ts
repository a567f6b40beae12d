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
