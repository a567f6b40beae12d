import { checkAzureAuth } from '../auth.ts'
import { AZURE_AUDIO_API_VERSIONS, type AzureAudioOperation } from '../azure-versions.ts'
import type { RequestContext } from '../context.ts'
import { azureError } from '../errors.ts'
import { sendJson } from '../respond.ts'
import { answerOpenAISpeech, answerOpenAITranscription } from './openai-audio.ts'

/**
 * Common checks of /azure/openai/deployments/{deployment}/…: api-version, credentials, deployment.
 * Returns the model the deployment serves, or undefined when an error was sent.
 */
function resolveDeployment(context: RequestContext, operation: AzureAudioOperation): string | undefined {
  // Azure/azure-rest-api-specs specification/cognitiveservices/data-plane/AzureOpenAI/inference:
  // only the api-versions whose spec has this path (azure-versions.ts). The answer for any other
  // version is not in the spec; the emulator gives the same 404 as for a missing api-version.
  const version = context.url.searchParams.get('api-version')
  if (!version || !AZURE_AUDIO_API_VERSIONS[operation].has(version)) {
    sendJson(context, 404, azureError('404', 'Resource not found'))
    return undefined
  }
  if (!checkAzureAuth(context)) return undefined
  const deployment = context.params[0] ?? ''
  const model = context.state.azureDeployments[deployment]
  if (model) {
    context.headers['x-ms-deployment-name'] = deployment
    return model
  }
  sendJson(context, 404, azureError('DeploymentNotFound', 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.'))
  return undefined
}

/** POST /azure/openai/deployments/{deployment}/audio/speech?api-version=… */
export async function azureSpeech(context: RequestContext): Promise<void> {
  const model = resolveDeployment(context, 'speech')
  if (model) await answerOpenAISpeech(context, model)
}

/** POST /azure/openai/deployments/{deployment}/audio/transcriptions?api-version=… */
export async function azureTranscription(context: RequestContext): Promise<void> {
  const model = resolveDeployment(context, 'transcriptions')
  if (model) await answerOpenAITranscription(context, model)
}
