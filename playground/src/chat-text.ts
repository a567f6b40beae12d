import type { Connection } from './connection.ts'

/**
 * A chat model's answer as it is written: `/v1/chat/completions` with `stream: true` (on the
 * page's own server, which adds the key, or straight to the proxy when connected directly), its
 * `data:` events mapped to `choices[0].delta.content`. `onText` sees each piece as it comes.
 */
export async function chatTextStream(
  connection: Connection,
  request: { model: string; prompt: string; headers?: Record<string, string> | undefined; signal: AbortSignal },
  onText: (piece: string) => void,
): Promise<ReadableStream<string>> {
  const base = connection.kind === 'direct' ? connection.baseURL.replace(/\/$/, '') : window.location.origin
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    signal: request.signal,
    headers: {
      'content-type': 'application/json',
      ...(connection.kind === 'direct' && connection.apiKey ? { authorization: `Bearer ${connection.apiKey}` } : {}),
      ...request.headers,
    },
    body: JSON.stringify({ model: request.model, stream: true, messages: [{ role: 'user', content: request.prompt }] }),
  })
  if (!response.ok || !response.body) {
    const detail = (await response.text().catch(() => '')).slice(0, 300)
    throw new Error(`The chat model answered ${response.status}${detail ? `: ${detail}` : ''}`)
  }
  let pending = ''
  return response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new TransformStream<string, string>({
    transform(chunk, controller) {
      const lines = (pending + chunk).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        if (!line.startsWith('data: ') || line === 'data: [DONE]') continue
        const content = (JSON.parse(line.slice(6)) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content
        if (!content) continue
        onText(content)
        controller.enqueue(content)
      }
    },
  }))
}

/**
 * Where a spoken sentence sits in the answer as written: its words in order, with anything
 * between them that is not a word (spaces, `**`, a link's `](target)`), searched from `from`.
 */
export function findSpoken(answer: string, spoken: string, from: number): [number, number] | undefined {
  const words = spoken.match(/[\p{L}\p{N}]+/gu)
  if (!words) return undefined
  const between = String.raw`(?:[^\p{L}\p{N}]|\]\([^)]*\))*?`
  const pattern = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(between), 'u')
  const match = pattern.exec(answer.slice(from))
  return match ? [from + match.index, from + match.index + match[0].length] : undefined
}
