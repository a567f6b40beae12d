import { InvalidRequestError } from '../errors/classes.ts'

/**
 * A value as multipart text fields, encoded the way openai/openai-node `src/internal/uploads.ts`
 * (`addFormValue`) encodes them and OpenAI's API reads them: strings, numbers and booleans as
 * their text; an array as one `name[]` field per item; an object as one `name[key]` field per
 * property; nested values recurse (`name[][key]`, `name[key][]`). `undefined` is left out.
 * Never JSON: a JSON string in a form field is just a string to the server.
 */
export function formFields(name: string, value: unknown, field = name, fields: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    fields.push([name, String(value)])
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => formFields(`${name}[]`, item, `${field}[${index}]`, fields))
  } else if (value && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key in value) formFields(`${name}[${key}]`, (value as Record<string, unknown>)[key], `${field}.${key}`, fields)
  } else if (value !== undefined) {
    // openai-node refuses null too; Blobs, dates and the like have no text form here.
    throw new InvalidRequestError(field, `cannot be sent in a multipart form (got ${value === null ? 'null' : value.constructor?.name ?? typeof value})`)
  }
  return fields
}
