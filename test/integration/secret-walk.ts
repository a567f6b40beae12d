import { inspect } from 'node:util'
import { expect } from 'vitest'

const latin1 = new TextDecoder('latin1')

/**
 * Every piece of text reachable from `value`: own properties (enumerable or not, symbols too),
 * getters anywhere on its prototype chain, Headers entries, bytes, and causes, recursively.
 */
export function reachableText(value: unknown, seen = new Set<unknown>(), out: string[] = [], depth = 0): string[] {
  if (value === null || value === undefined) return out
  if (typeof value !== 'object' && typeof value !== 'function') {
    out.push(String(value))
    return out
  }
  if (seen.has(value) || depth > 25) return out
  seen.add(value)
  if (value instanceof Headers) {
    value.forEach((item, name) => out.push(`${name}: ${item}`))
  }
  if (ArrayBuffer.isView(value)) {
    out.push(latin1.decode(value))
    return out
  }
  if (value instanceof ArrayBuffer) {
    out.push(latin1.decode(new Uint8Array(value)))
    return out
  }
  if (typeof value === 'function') return out
  const visit = (item: unknown) => reachableText(item, seen, out, depth + 1)
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!
    out.push(String(key))
    visit('value' in descriptor ? descriptor.value : safeGet(value, key))
  }
  for (let prototype = Object.getPrototypeOf(value); prototype && prototype !== Object.prototype; prototype = Object.getPrototypeOf(prototype)) {
    for (const key of Reflect.ownKeys(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!
      if (descriptor.get) visit(safeGet(value, key))
    }
  }
  if (value instanceof Map || value instanceof Set) for (const item of value) visit(item)
  return out
}

function safeGet(target: object, key: PropertyKey): unknown {
  try {
    return Reflect.get(target, key)
  } catch {
    return undefined
  }
}

/** Asserts that no secret is in anything reachable from `error`, nor in its inspect or JSON forms. */
export function expectNoSecrets(error: unknown, secrets: Iterable<string>): void {
  const texts = [
    ...reachableText(error),
    inspect(error, { depth: Infinity, showHidden: true, getters: true }),
    JSON.stringify(error) ?? '',
    String(error),
  ]
  const all = texts.join('\n')
  for (const secret of secrets) expect(all.includes(secret), `${secret} is reachable from ${String(error)}`).toBe(false)
}
