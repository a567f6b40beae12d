import { randomUUID } from 'node:crypto'
import { checkProxyAuth } from '../auth.ts'
import { isRecord, upstreamModel } from '../config.ts'
import type { RequestContext } from '../context.ts'
import { litellmError } from '../errors.ts'
import { deliver, sendJson } from '../respond.ts'
import { resolveModel } from './proxy.ts'

/** What the emulator answers when a test names no answer: prose with the Markdown LLMs write. */
const DEFAULT_ANSWER = [
  'Here is a short answer, read aloud while it is still being written.',
  'Each sentence is sent to the speech model as soon as it is complete, so the first one is heard while the rest is still arriving.',
  'Requests run ahead of playback, **two at a time**, and the clips are played back to back on one timeline.',
  'Links such as [the LiteLLM docs](https://docs.litellm.ai/) are read as their text, and code is skipped:\n',
  '```ts\nconst stream = await client.streamSpeech({ model: "tts", text })\n```\n',
  'That is all there is to it. Thanks for listening!',
].join(' ').replaceAll('\n ', '\n')

/**
 * TEST HARNESS, not a persona behaviour: `x-emulator-answer` (URI-encoded) is the answer's text,
 * `x-emulator-tokens-per-second` its pace (default 30, a typical model's).
 */
function answerOf(context: RequestContext): { text: string; tokensPerSecond: number } {
  const header = context.request.headers['x-emulator-answer']
  const rate = Number(context.request.headers['x-emulator-tokens-per-second'] ?? 30)
  return {
    text: typeof header === 'string' ? decodeURIComponent(header) : DEFAULT_ANSWER,
    tokensPerSecond: Number.isFinite(rate) && rate > 0 ? Math.min(rate, 100_000) : 30,
  }
}

/** Pieces about the size of a model's tokens: a word with its leading space, long words cut in four-character parts. */
export function tokenize(text: string): string[] {
  return (text.match(/\s*\S+/g) ?? []).flatMap((word) => word.match(/\s*\S{1,4}/g) ?? [word])
}

/**
 * POST /v1/chat/completions and /chat/completions (the route decorators of chat_completion in
 * BerriAI/litellm litellm/proxy/proxy_server.py). With `stream: true` the proxy answers
 * `StreamingResponse(..., media_type="text/event-stream")` fed by its async_data_generator, which
 * writes each chunk as `data: <chunk JSON>` and a blank line and ends with `data: [DONE]`. A chunk
 * is openai/openai-openapi CreateChatCompletionStreamResponse: `object: "chat.completion.chunk"`,
 * `choices[0].delta` with `role` in the first chunk and `content` pieces after, `finish_reason:
 * "stop"` in the last; `stream_options.include_usage` adds a final chunk with `usage` and no
 * choices. Without `stream`, one CreateChatCompletionResponse.
 */
export async function proxyChat(context: RequestContext): Promise<void> {
  if (!checkProxyAuth(context)) return
  const body = isRecord(context.body.json) ? context.body.json : {}
  const entry = resolveModel(context, body.model, '/chat/completions')
  if (!entry) return
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return sendJson(context, 400, litellmError(400, "litellm.BadRequestError: OpenAIException - [{'type': 'missing', 'loc': ('body', 'messages'), 'msg': 'Field required'}]"))
  }
  const { text, tokensPerSecond } = answerOf(context)
  const id = `chatcmpl-${randomUUID()}`
  const created = Math.floor(Date.now() / 1000)
  const model = upstreamModel(entry)
  const tokens = tokenize(text)
  const usage = { prompt_tokens: JSON.stringify(body.messages).length >> 2, completion_tokens: tokens.length, total_tokens: 0 }
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens
  if (body.stream !== true) {
    const message = { role: 'assistant', content: text }
    return sendJson(context, 200, { id, object: 'chat.completion', created, model, choices: [{ index: 0, message, finish_reason: 'stop' }], usage })
  }
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    ({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] })
  const events: unknown[] = [chunk({ role: 'assistant', content: '' }, null), ...tokens.map((token) => chunk({ content: token }, null)), chunk({}, 'stop')]
  const options = isRecord(body.stream_options) ? body.stream_options : {}
  if (options.include_usage === true) events.push({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })
  const lines = [...events.map((event) => `data: ${JSON.stringify(event)}\n\n`), 'data: [DONE]\n\n']
  await deliver(context, {
    status: 200, contentType: 'text/event-stream', headers: { 'cache-control': 'no-cache' },
    chunks: lines.map((line) => Buffer.from(line)), contentLength: false, intervalMs: 1000 / tokensPerSecond,
  })
}
