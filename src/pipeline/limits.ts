import { FileTooLargeError, InvalidRequestError } from '../errors/classes.ts'

const BYTES_PER_MB = 1024 * 1024

/** Counts characters as servers do (code points, so an emoji is one). */
export function assertInputLength(input: string, maxChars: number): void {
  let length = 0
  for (const _ of input) length++
  if (length > maxChars) {
    throw new InvalidRequestError('input', `must be at most ${maxChars} characters (got ${length}); split the text`)
  }
}

/** LiteLLM's `max_file_size_mb` check, with its exact message, before any byte is sent. */
export function assertFileSize(bytes: number, maxFileSizeMB: number | undefined): void {
  if (maxFileSizeMB === undefined) return
  const fileSizeMB = bytes / BYTES_PER_MB
  if (fileSizeMB > maxFileSizeMB) throw new FileTooLargeError({ fileSizeMB, maxFileSizeMB })
}
