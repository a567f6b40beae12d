import { generateKeyPair, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { stateOf } from './state.ts'
import type { Emulator, ServiceAccountJson } from './types.ts'

const generate = promisify(generateKeyPair)
let counter = 0

/**
 * Generates an RSA-2048 key pair, registers its public half with the emulator's token endpoint
 * and returns a Google-shaped service-account JSON whose token_uri points at the emulator.
 */
export async function createServiceAccount(emulator: Emulator, options: { projectId?: string } = {}): Promise<ServiceAccountJson> {
  const state = stateOf(emulator)
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: 2048 })
  const projectId = options.projectId ?? 'voxfetch-emulated'
  const keyId = randomBytes(20).toString('hex')
  const name = `voxfetch-test-${++counter}-${randomBytes(3).toString('hex')}`
  const email = `${name}@${projectId}.iam.gserviceaccount.com`
  state.serviceAccounts.set(email, { publicKey, keyId })
  return {
    type: 'service_account',
    project_id: projectId,
    private_key_id: keyId,
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    client_id: String(BigInt(`0x${randomBytes(8).toString('hex')}`)),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: `${emulator.url}/google-token/token`,
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
    universe_domain: 'googleapis.com',
  }
}
