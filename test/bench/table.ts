/** One printed table; the same data renders to the console and to RESULTS.md. */
export interface Table {
  title: string
  columns: string[]
  rows: string[][]
  /** Sentences printed under the table: how it was measured, why a figure missed. */
  notes?: string[]
}

export const KB = 1024
export const MB = 1024 * 1024

export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`
export const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`
export const ms = (milliseconds: number): string =>
  milliseconds >= 100 ? `${milliseconds.toFixed(0)} ms` : `${milliseconds.toFixed(milliseconds >= 10 ? 1 : 2)} ms`
export const us = (milliseconds: number): string => `${(milliseconds * 1000).toFixed(0)} µs`
export const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—')
export const rate = (bytesPerSecond: number): string => `${(bytesPerSecond / MB).toFixed(0)} MB/s`

export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS')

/** A Markdown table with padded columns, readable as plain text too. */
export function renderTable(table: Table): string {
  const widths = table.columns.map((column, index) =>
    Math.max(column.length, ...table.rows.map((row) => (row[index] ?? '').length)),
  )
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`
  const lines = [
    `### ${table.title}`,
    '',
    line(table.columns),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...table.rows.map((row) => line(table.columns.map((_, index) => row[index] ?? ''))),
  ]
  if (table.notes?.length) lines.push('', ...table.notes.map((note) => `- ${note}`))
  return `${lines.join('\n')}\n`
}
