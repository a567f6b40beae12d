/** `value` with every secret of 8 characters or more replaced by `[redacted]`. */
export function redact(value: string, secrets: readonly string[]): string {
  let result = value
  for (const secret of secrets) {
    if (secret.length >= 8) result = result.split(secret).join('[redacted]')
  }
  return result
}

/** A copy of `headers` with every secret blanked out of the values (servers echo them too). */
export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  const copy = new Headers()
  headers.forEach((value, name) => copy.append(name, redact(value, secrets)))
  return copy
}
