/**
 * The api-versions whose Azure OpenAI inference spec has each audio path, from
 * Azure/azure-rest-api-specs specification/cognitiveservices/data-plane/AzureOpenAI/inference/
 * (`stable/<version>/inference.json`, `preview/<version>/inference.json` and their `examples/`).
 *
 * - Transcriptions (`/deployments/{deployment-id}/audio/transcriptions`): read in the paths of
 *   stable/2024-06-01 and stable/2024-10-21; the other versions listed carry the
 *   audio_transcription examples the spec references.
 * - Speech (`/deployments/{deployment-id}/audio/speech`): preview versions only, from
 *   2024-02-15-preview; the stable specs read (2024-06-01, 2024-10-21) have no speech path.
 *   2024-04-01-preview and 2024-07-01-preview are left out: no audio_speech example of theirs was
 *   found, so whether they serve speech is not known here.
 */
const TRANSCRIPTION_STABLE = ['2024-02-01', '2024-06-01', '2024-10-21']
const SPEECH_PREVIEWS = [
  '2024-02-15-preview', '2024-03-01-preview', '2024-05-01-preview', '2024-08-01-preview',
  '2024-09-01-preview', '2024-10-01-preview', '2024-12-01-preview', '2025-01-01-preview',
  '2025-02-01-preview', '2025-03-01-preview', '2025-04-01-preview',
]
const TRANSCRIPTION_PREVIEWS = [
  '2023-09-01-preview', '2023-12-01-preview', '2024-04-01-preview', '2024-07-01-preview', ...SPEECH_PREVIEWS,
]

export const AZURE_AUDIO_API_VERSIONS = {
  speech: new Set(SPEECH_PREVIEWS),
  transcriptions: new Set([...TRANSCRIPTION_STABLE, ...TRANSCRIPTION_PREVIEWS]),
} as const

export type AzureAudioOperation = keyof typeof AZURE_AUDIO_API_VERSIONS
