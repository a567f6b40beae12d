import { InvalidRequestError } from '../errors/classes.ts'

/**
 * A base URL fit to send keys to: absolute http(s), and no `user:password@` in it (a key there
 * ends up in logs and error messages). The message never repeats the URL, which may hold one.
 */
export function assertBaseURL(value: string, field: string): void {
  if (acceptedBaseURLs.has(value)) return
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidRequestError(field, 'must be an absolute http(s) URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidRequestError(field, 'must be an absolute http(s) URL')
  }
  if (url.username || url.password) {
    throw new InvalidRequestError(field, 'must not contain credentials (user:password@); pass the key as apiKey, which is sent in a header')
  }
  // The verdict depends on the string alone, and an app uses a handful: parsing it again on
  // every call was a tenth of a small call's own time.
  if (acceptedBaseURLs.size >= MAX_REMEMBERED_BASE_URLS) acceptedBaseURLs.clear()
  acceptedBaseURLs.add(value)
}

const MAX_REMEMBERED_BASE_URLS = 32
const acceptedBaseURLs = new Set<string>()

// Google regions (`us-central1`, `europe-west4`), multi-regions (`us`, `eu`) and `global`.
const LOCATION = /^[a-z]+(-[a-z0-9]+)*$/
// Project ids: 6–30 lowercase letters, digits and hyphens, starting with a letter; older ones may
// carry a domain (`example.com:my-project`); project numbers are accepted where ids are.
const PROJECT = /^(([a-z0-9-]+\.)+[a-z]{2,}:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$|^\d{1,20}$/

/** A Vertex AI location becomes part of a host name: only a region's shape is accepted. */
export function assertVertexLocation(value: string | undefined, field: string): void {
  if (value !== undefined && (value.length > 63 || !LOCATION.test(value))) {
    throw new InvalidRequestError(field, `must be a Google Cloud location such as "us-central1" or "global" (got ${JSON.stringify(value.slice(0, 64))})`)
  }
}

/** A Google Cloud project id (or number), as Google allows them. */
export function assertVertexProject(value: string | undefined, field: string): void {
  if (value !== undefined && !PROJECT.test(value)) {
    throw new InvalidRequestError(field, `must be a Google Cloud project id such as "my-project-123" (got ${JSON.stringify(value.slice(0, 64))})`)
  }
}
