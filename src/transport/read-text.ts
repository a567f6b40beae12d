import { ConnectionError } from '../errors.ts'
import type { Deadline } from './deadline.ts'

/** Reads a whole (small) answer body under the deadline, which stays armed for what follows. */
export async function readAll(response: Response, deadline: Deadline): Promise<string> {
  try {
    return await response.text()
  } catch (error) {
    if (deadline.signal.aborted) throw deadline.abortError()
    throw new ConnectionError('The connection closed before the whole answer arrived', { cause: error })
  }
}

/** Reads the call's final answer, then releases the deadline. */
export async function readText(response: Response, deadline: Deadline): Promise<string> {
  try {
    return await readAll(response, deadline)
  } finally {
    deadline.dispose()
  }
}
