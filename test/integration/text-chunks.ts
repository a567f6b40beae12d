/** A long text as a model writes it: `chunk`-character pieces, read only as fast as asked for. */
export async function* textChunks(text: string, chunk = 64): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += chunk) yield text.slice(start, start + chunk)
}

/** `count` characters of varied sentences (so no two pieces are the same request). */
export function longText(count: number): string {
  let text = ''
  for (let index = 0; text.length < count; index++) text += `This is sentence number ${index} of a very long answer. `
  return text.slice(0, count)
}
