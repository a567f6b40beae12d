import { describe, expect, it } from 'vitest'
import { measureBundle } from '../bench/bundle-size.ts'
import { type Entry, hasDist } from '../bench/paths.ts'
import { SIZE_BUDGET } from '../bench/size-budget.ts'
import { WHOLE_CORE, WHOLE_CORE_AND_REACT } from '../bench/size-cases.ts'
import { kb } from '../bench/table.ts'

// Measured on dist/ (what users install), the way `npm run bench` measures it: esbuild, browser
// ESM, minified, gzip -9. `npm test` builds first.
function requireBuilt(entry: Entry): void {
  if (!hasDist(entry)) throw new Error(`dist/${entry}.js is missing: run \`npm run build\` first (\`npm test\` does)`)
}

describe('bundle size budgets', () => {
  it('keeps the whole core entry within its gzip budget', async () => {
    requireBuilt('index')
    const { gzip } = await measureBundle(WHOLE_CORE.code)
    console.info(`voxfetch core entry: ${kb(gzip)} gzip (${gzip} B; budget ${kb(SIZE_BUDGET.core)})`)
    expect(gzip).toBeLessThanOrEqual(SIZE_BUDGET.core)
  })

  it('keeps what the react entry adds to the core within its gzip budget', async () => {
    requireBuilt('index')
    requireBuilt('react')
    const [core, both] = await Promise.all([measureBundle(WHOLE_CORE.code), measureBundle(WHOLE_CORE_AND_REACT.code)])
    const added = both.gzip - core.gzip
    console.info(`voxfetch/react adds: ${kb(added)} gzip (${added} B; budget ${kb(SIZE_BUDGET.reactAdds)})`)
    expect(added).toBeLessThanOrEqual(SIZE_BUDGET.reactAdds)
  })
})
