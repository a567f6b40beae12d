/**
 * Multipart text fields read back into values, the way openai/openai-node
 * `src/internal/uploads.ts` (`addFormValue`) writes them: `name[]` repeated is an array,
 * `name[key]` is a property of an object, and the two nest (`name[key][]`). A field named
 * plainly stays a string (or strings, when repeated). Arrays of objects (`name[][key]`) have no
 * unambiguous reading and are kept under their raw names.
 */
export function decodeForm(fields: Record<string, string | string[]>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(name)
    const keys = match ? [...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((key) => key[1]!) : []
    if (!match || keys.slice(0, -1).includes('')) {
      result[name] = value
      continue
    }
    let target = result
    const path = [match[1]!, ...keys]
    const last = path.length - 1
    for (let index = 0; index < last - 1; index++) {
      const key = path[index]!
      const next = target[key]
      target = (typeof next === 'object' && next !== null && !Array.isArray(next) ? next : (target[key] = {})) as Record<string, unknown>
    }
    const [parent, leaf] = [path[last - 1]!, path[last]!]
    if (leaf === '') {
      target[parent] = Array.isArray(value) ? value : [value]
    } else {
      const next = target[parent]
      const object = (typeof next === 'object' && next !== null && !Array.isArray(next) ? next : (target[parent] = {})) as Record<string, unknown>
      object[leaf] = Array.isArray(value) ? value[value.length - 1] : value
    }
  }
  return result
}
