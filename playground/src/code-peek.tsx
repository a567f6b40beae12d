/** The hook call this card makes with the options chosen, to copy into an app. */
export function CodePeek({ code }: { code: string }) {
  return (
    <details className="code-peek">
      <summary>Show the code</summary>
      <pre><code>{code}</code></pre>
    </details>
  )
}

/** `{ model: 'tts', speed: 1.5 }` as a code literal, one option a line, undefined ones left out. */
export function optionsLiteral(options: Record<string, unknown>): string {
  const lines = Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `  ${name}: ${typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value)},`)
  return `{\n${lines.join('\n')}\n}`
}
