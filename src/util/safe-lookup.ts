/**
 * `table[key]` for the table's own entries only: a model prefix, voice or media type named
 * `constructor`, `toString` or `__proto__` is not in any table, whatever `Object.prototype` holds.
 */
export function lookup<Value>(table: Readonly<Partial<Record<string, Value>>>, key: string): Value | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * A deep copy of parsed data (JSON, YAML) without `__proto__`, `constructor` and `prototype`
 * keys at any depth, so a config file can never reach an object's prototype.
 */
export function withoutUnsafeKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUnsafeKeys) as T
  if (!isPlainObject(value)) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (!UNSAFE_KEYS.has(key)) copy[key] = withoutUnsafeKeys(item)
  }
  return copy as T
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
