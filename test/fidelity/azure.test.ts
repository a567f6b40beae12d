import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Emulator, startEmulator, synthesizeSpeech, TEST_KEYS } from '../emulator/index.ts'
import { postForm, postJson } from '../emulator-tests/helpers.ts'

// The Azure persona checked against Azure/azure-rest-api-specs
// specification/cognitiveservices/data-plane/AzureOpenAI/inference/{stable,preview}/<api-version>/
// inference.json: an audio path is served only on the api-versions whose spec has it.
let emulator: Emulator
let wav: Uint8Array

beforeAll(async () => {
  emulator = await startEmulator()
  wav = (await synthesizeSpeech('Azure fidelity.', 'wav')).bytes
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const key = { 'api-key': TEST_KEYS.azure }
const url = (deployment: string, operation: string, version: string) =>
  `${emulator.url}/azure/openai/deployments/${deployment}/audio/${operation}?api-version=${version}`
const speech = (version: string) =>
  postJson(url('tts', 'speech', version), { input: 'Hello', voice: 'alloy', response_format: 'wav' }, key)
const transcription = (version: string) =>
  postForm(url('whisper', 'transcriptions', version), { bytes: wav, filename: 'a.wav' }, {}, key)

describe('audio/speech api-versions', () => {
  // preview/<version>/examples/audio_speech.json, referenced by that version's /audio/speech path.
  it.each([
    '2024-02-15-preview', '2024-03-01-preview', '2024-05-01-preview', '2024-08-01-preview', '2024-09-01-preview',
    '2024-10-01-preview', '2024-12-01-preview', '2025-01-01-preview', '2025-02-01-preview', '2025-03-01-preview', '2025-04-01-preview',
  ])('serves speech on %s', async (version) => {
    expect((await speech(version)).status).toBe(200)
  })

  // stable/2024-06-01/inference.json and stable/2024-10-21/inference.json: no /audio/speech path;
  // 2023-09-01-preview has transcriptions but no speech; 2099-01-01 is no version at all.
  it.each(['2024-06-01', '2024-10-21', '2023-09-01-preview', '2099-01-01'])('answers 404 Resource not found on %s', async (version) => {
    const response = await speech(version)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: '404', message: 'Resource not found' } })
  })
})

describe('audio/transcriptions api-versions', () => {
  // stable/2024-06-01 and stable/2024-10-21 list /deployments/{deployment-id}/audio/transcriptions;
  // the previews carry audio_transcription examples.
  it.each(['2024-02-01', '2024-06-01', '2024-10-21', '2023-09-01-preview', '2023-12-01-preview', '2025-04-01-preview'])('serves transcriptions on %s', async (version) => {
    const response = await transcription(version)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { text: string }).text).toBe('Azure fidelity.')
  })

  // stable/2023-05-15 predates audio (completions, chat and embeddings only).
  it.each(['2023-05-15', '2022-12-01'])('answers 404 on %s', async (version) => {
    expect((await transcription(version)).status).toBe(404)
  })
})
