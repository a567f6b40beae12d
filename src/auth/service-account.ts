import { InvalidRequestError } from '../errors/classes.ts'
import { type ServiceAccount, serviceAccountSchema } from '../options/client-options.ts'
import { formatPath } from '../options/validate.ts'
import { readTextFile } from './read-text-file.ts'

/**
 * A service account from what LiteLLM accepts as `vertex_credentials`: the parsed JSON, its
 * text, or a path to the file. `field` names the option in errors (never the key itself).
 */
export async function loadServiceAccount(source: string | ServiceAccount, field: string): Promise<ServiceAccount> {
  if (typeof source !== 'string') return checked(source, field)
  const text = source.trim()
  if (text.startsWith('{')) return checked(parseJSON(text, field, 'is not valid service-account JSON'), field)
  let fileText: string
  try {
    fileText = await readTextFile(text)
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error))
    // The value is not quoted: a misplaced inline key (say base64) must not end up in logs.
    throw new InvalidRequestError(field, `names no readable service-account file (${reason}); pass the JSON itself or a path`, { cause: error })
  }
  return checked(parseJSON(fileText, field, 'names a file that is not service-account JSON'), field)
}

function parseJSON(text: string, field: string, message: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new InvalidRequestError(field, message)
  }
}

function checked(value: unknown, field: string): ServiceAccount {
  const result = serviceAccountSchema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const path = formatPath(issue.path)
  throw new InvalidRequestError(path ? `${field}.${path}` : field, issue.input === undefined ? 'is required' : issue.message)
}
