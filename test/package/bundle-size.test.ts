import { describe, expect, it } from 'vitest'
import { measureBundle } from '../bench/bundle-size.ts'
import { type Entry, hasDist } from '../bench/paths.ts'
import { SIZE_BUDGET } from '../bench/size-budget.ts'
import {
  SPEECH_ONLY, VOXFETCH_SPEECH_ONLY, VOXFETCH_TRANSCRIPTION_ONLY, WHOLE_CORE, WHOLE_CORE_AND_REACT, WHOLE_CORE_PLAYER_RECORDER, WHOLE_PLAYER, WHOLE_RECORDER,
} from '../bench/size-cases.ts'
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

  it('keeps a page that only speaks, and one that only transcribes, within their budgets; the other capability stays out', async () => {
    requireBuilt('index')
    const [speech, transcription] = await Promise.all([VOXFETCH_SPEECH_ONLY, VOXFETCH_TRANSCRIPTION_ONLY].map((sizeCase) => measureBundle(sizeCase.code)))
    console.info(`speech-only page: ${kb(speech!.gzip)} gzip up front (${speech!.gzip} B; budget ${kb(SIZE_BUDGET.speechOnly)}); transcription-only page: ${kb(transcription!.gzip)} (${transcription!.gzip} B; budget ${kb(SIZE_BUDGET.transcriptionOnly)})`)
    expect(speech!.gzip).toBeLessThanOrEqual(SIZE_BUDGET.speechOnly)
    expect(transcription!.gzip).toBeLessThanOrEqual(SIZE_BUDGET.transcriptionOnly)
    // Built from the sources, the metafile names the modules each page loads up front: neither
    // capability's pipeline is among them (each is a chunk loaded on its first call).
    const upFront = async (code: string) => Object.keys((await measureBundle(code, 'src')).inputs)
    const pipelines = /src\/(speech|transcription|speech-schema|transcription-schema|call|streaming)\.ts$|src\/transport\/(xhr|multipart|form-fields|progress|sse)\.ts$|src\/audio\/wav\.ts$/
    expect((await upFront(VOXFETCH_SPEECH_ONLY.code)).filter((path) => pipelines.test(path))).toEqual([])
    expect((await upFront(VOXFETCH_TRANSCRIPTION_ONLY.code)).filter((path) => pipelines.test(path))).toEqual([])
  })

  it('keeps what the react entry adds to the core within its gzip budget', async () => {
    requireBuilt('index')
    requireBuilt('react')
    const [hookDeps, both] = await Promise.all([WHOLE_CORE_PLAYER_RECORDER, WHOLE_CORE_AND_REACT].map((sizeCase) => measureBundle(sizeCase.code)))
    // The hooks load the player and the recorder entries, budgeted on their own below.
    const added = both!.gzip - hookDeps!.gzip
    console.info(`voxfetch/react adds: ${kb(added)} gzip (${added} B; budget ${kb(SIZE_BUDGET.reactAdds)})`)
    expect(added).toBeLessThanOrEqual(SIZE_BUDGET.reactAdds)
  })

  it('keeps the player and the recorder within their budgets; a page that only speaks pays nothing for either', async () => {
    for (const entry of ['index', 'player', 'recorder'] as const) requireBuilt(entry)
    const [player, recorder, speechOnly] = await Promise.all([WHOLE_PLAYER, WHOLE_RECORDER, SPEECH_ONLY].map((sizeCase) => measureBundle(sizeCase.code)))
    console.info(`voxfetch/player: ${kb(player!.gzip)} gzip (${player!.gzip} B; budget ${kb(SIZE_BUDGET.player)}); voxfetch/recorder: ${kb(recorder!.gzip)} gzip (${recorder!.gzip} B; budget ${kb(SIZE_BUDGET.recorder)})`)
    expect(player!.gzip).toBeLessThanOrEqual(SIZE_BUDGET.player)
    expect(recorder!.gzip).toBeLessThanOrEqual(SIZE_BUDGET.recorder)
    expect(Object.keys(speechOnly!.inputs).filter((path) => /player|recorder|playback|record\//.test(path))).toEqual([])
    const fromSources = await measureBundle(SPEECH_ONLY.code, 'src')
    expect(Object.keys(fromSources.inputs).some((path) => path.startsWith('src/client'))).toBe(true)
    expect(Object.keys(fromSources.inputs).filter((path) => /src\/(playback|record)\//.test(path))).toEqual([])
  })
})
