import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../emulator/index.ts'
import { tokenize } from '../emulator/routes/chat.ts'
import { postJson, proxyAuth } from './helpers.ts'

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(() => emulator.close())

const ANSWER = 'Short answer. With a second sentence!'
const chat = () => `${emulator.url}/v1/chat/completions`
const asked = { 'x-emulator-answer': encodeURIComponent(ANSWER), 'x-emulator-tokens-per-second': '1000' }

describe('proxy chat completions', () => {
  it('streams data: chunks with choices[0].delta.content, then data: [DONE]', async () => {
    const response = await postJson(chat(), { model: 'chat', stream: true, messages: [{ role: 'user', content: 'Hi' }], stream_options: { include_usage: true } }, { ...proxyAuth, ...asked })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const text = await response.text()
    const events = text.split('\n\n').filter(Boolean)
    expect(events.at(-1)).toBe('data: [DONE]')
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.replace(/^data: /, '')) as Record<string, any>)
    expect(chunks[0]).toMatchObject({ object: 'chat.completion.chunk', model: 'gpt-4o-mini', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')
    expect(content).toBe(ANSWER)
    expect(chunks.at(-2)!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' })
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: tokenize(ANSWER).length } })
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1)
  })

  it('answers whole without stream, refuses an unknown alias, a missing key and no messages', async () => {
    const whole = await postJson(chat(), { model: 'chat', messages: [{ role: 'user', content: 'Hi' }] }, { ...proxyAuth, ...asked })
    expect(await whole.json()).toMatchObject({ object: 'chat.completion', choices: [{ message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' }] })
    expect((await postJson(chat(), { model: 'nope', stream: true, messages: [{ role: 'user', content: 'Hi' }] }, proxyAuth)).status).toBe(400)
    expect((await postJson(chat(), { model: 'chat', stream: true, messages: [{ role: 'user', content: 'Hi' }] })).status).toBe(401)
    expect((await postJson(chat(), { model: 'chat', stream: true }, proxyAuth)).status).toBe(400)
  })

  it('cuts an answer into token-sized pieces that join back to it', () => {
    const text = 'A sentence with extraordinarily long words.\n\nAnd a paragraph.'
    const tokens = tokenize(text)
    expect(tokens.join('')).toBe(text)
    expect(Math.max(...tokens.map((token) => token.trim().length))).toBeLessThanOrEqual(4)
  })
})
