/** What a wrong value is, for error messages: "a string", "null", "an array", "an object"… */
export function describeValue(value: unknown): string {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
  return type === 'null' || type === 'undefined' ? type : `${/^[aeio]/.test(type) ? 'an' : 'a'} ${type}`
}
