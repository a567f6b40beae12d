import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AZURE_ENTRA_TOKEN_PREFIX, parseWavText, startEmulator, synthesizeSpeech, TEST_KEYS, type Emulator } from '../emulator/index.ts'
import { errorOf, postForm, postJson } from './helpers.ts'

const SENTENCE = 'Azure says hello.'
const VERSION = '2025-02-01-preview'
let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({
    config: { model_list: [{ model_name: 'az', litellm_params: { model: 'azure/my-speech' } }] },
  })
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const url = (deployment: string, operation: string, query = `?api-version=${VERSION}`) =>
  `${emulator.url}/azure/openai/deployments/${deployment}/audio/${operation}${query}`
const key = { 'api-key': TEST_KEYS.azure }

describe('azure openai', () => {
  it('speaks with an api-key, the body validated like OpenAI', async () => {
    const response = await postJson(url('tts', 'speech'), { model: 'tts-1', input: SENTENCE, voice: 'alloy', response_format: 'wav' }, key)
    expect(response.status).toBe(200)
    expect(response.headers.get('apim-request-id')).toBeTruthy()
    expect(parseWavText(new Uint8Array(await response.arrayBuffer()))).toBe(SENTENCE)
    expect(emulator.requests[0]).toMatchObject({ persona: 'azure', url: `/azure/openai/deployments/tts/audio/speech?api-version=${VERSION}` })
    const refused = await postJson(url('tts', 'speech'), { input: SENTENCE, voice: 'alloy', speed: 9 }, key)
    expect(refused.status).toBe(400)
    expect(await errorOf(refused)).toMatchObject({ param: 'speed', code: 'decimal_above_max_value' })
  })

  it('accepts Entra ID bearer tokens and deployments named in the config', async () => {
    const response = await postJson(url('my-speech', 'speech'), { input: SENTENCE, voice: 'alloy', response_format: 'pcm' }, {
      authorization: `Bearer ${AZURE_ENTRA_TOKEN_PREFIX}abc`,
    })
    expect(response.status).toBe(200)
  })

  it('transcribes, with text as text/plain', async () => {
    const { bytes } = await synthesizeSpeech(SENTENCE, 'wav')
    const response = await postForm(url('whisper', 'transcriptions'), { bytes, filename: 'a.wav' }, { response_format: 'text' }, key)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toBe(`${SENTENCE}\n`)
  })

  it('answers 404 Resource not found without api-version', async () => {
    const response = await postJson(url('tts', 'speech', ''), { input: SENTENCE, voice: 'alloy' }, key)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: '404', message: 'Resource not found' } })
  })

  it('answers DeploymentNotFound for an unknown deployment', async () => {
    const response = await postJson(url('nope', 'speech'), { input: SENTENCE, voice: 'alloy' }, key)
    expect(response.status).toBe(404)
    expect((await errorOf(response)).code).toBe('DeploymentNotFound')
  })

  it('answers 401 for a wrong key or token', async () => {
    const wrong = await postJson(url('tts', 'speech'), { input: SENTENCE, voice: 'alloy' }, { 'api-key': 'nope' })
    expect(wrong.status).toBe(401)
    expect((await errorOf(wrong)).message).toMatch(/^Access denied due to invalid subscription key/)
    const token = await postJson(url('tts', 'speech'), { input: SENTENCE, voice: 'alloy' }, { authorization: 'Bearer someone-else' })
    expect(token.status).toBe(401)
    expect((await errorOf(token)).message).toMatch(/^Unauthorized\. Access token is missing/)
  })
})
