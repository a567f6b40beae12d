export interface MultipartFile {
  field: string
  blob: Blob
  filename: string
  mediaType: string
}

/** A multipart/form-data body described as data, so builders stay pure and tests exact. */
export interface MultipartForm {
  fields: Array<[name: string, value: string]>
  file: MultipartFile
}

const encoder = new TextEncoder()

const quote = (value: string) => value.replace(/"/g, '%22').replace(/\r|\n/g, ' ')

/**
 * Encodes a form as one Blob whose file part stays the caller's Blob (never copied), with an
 * exact size so uploads carry a Content-Length and progress has a total.
 */
export function encodeMultipart(form: MultipartForm, boundary: string): Blob {
  let head = ''
  for (const [name, value] of form.fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`
  }
  const { field, filename, mediaType, blob } = form.file
  head +=
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(field)}"; filename="${quote(filename)}"\r\n` +
    `Content-Type: ${mediaType}\r\n\r\n`
  return new Blob([encoder.encode(head), blob, encoder.encode(`\r\n--${boundary}--\r\n`)], {
    type: `multipart/form-data; boundary=${boundary}`,
  })
}

export function createBoundary(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return `----voxfetch${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}
