import { join } from 'node:path'
import { type BundleSize, measureBundle, packageOf } from './bundle-size.ts'
import { hasDist, REACT_ABSENT, ROOT } from './paths.ts'
import { packedPackage } from './packed-package.ts'
import { CAPABILITY_GOAL, SIZE_BUDGET, SIZE_GOAL } from './size-budget.ts'
import {
  AI_SDK_CALLS, AI_SDK_SPEECH_ONLY, AI_SDK_TRANSCRIPTION_ONLY, OPENAI_CALLS, OPENAI_SPEECH_ONLY, OPENAI_TRANSCRIPTION_ONLY, RAW_FETCH_CALLS,
  REACT_ONE_HOOK, VOXFETCH_CALLS, VOXFETCH_SPEECH_ONLY, VOXFETCH_TRANSCRIPTION_ONLY, WHOLE_CORE, WHOLE_CORE_AND_REACT,
  WHOLE_CORE_PLAYER_RECORDER,
} from './size-cases.ts'
import { kb, ratio, type Table, verdict } from './table.ts'

/** Table 1 and its breakdowns: browser bundles of each library, and where voxfetch's bytes go. */
export async function sizeTables(): Promise<Table[]> {
  const hasReact = hasDist('react')
  const calls = await measureBundle(VOXFETCH_CALLS.code)
  const core = await measureBundle(WHOLE_CORE.code)
  const withReact = hasReact ? await measureBundle(WHOLE_CORE_AND_REACT.code) : undefined
  // The hooks load the player and the recorder (budgeted apart): react adds what is left.
  const hookDeps = hasReact ? await measureBundle(WHOLE_CORE_PLAYER_RECORDER.code) : undefined
  const oneHook = hasReact ? await measureBundle(REACT_ONE_HOOK.code) : undefined
  const peers = [
    [OPENAI_CALLS.name, await measureBundle(OPENAI_CALLS.code)],
    [AI_SDK_CALLS.name, await measureBundle(AI_SDK_CALLS.code)],
    [RAW_FETCH_CALLS.name, await measureBundle(RAW_FETCH_CALLS.code)],
  ] as const
  const size = (bundle: BundleSize) => [kb(bundle.minified), kb(bundle.gzip), bundle.lazyGzip ? kb(bundle.lazyGzip) : '—']
  const reactAdds = withReact && hookDeps && withReact.gzip - hookDeps.gzip
  const judge = (gzip: number, goal: number, budget: number) => `${verdict(gzip <= goal)} / ${verdict(gzip <= budget)}`
  const rows = [
    ['voxfetch: one speech + one transcription call', ...size(calls), ratio(1), `≤ ${kb(SIZE_GOAL.core)} (goal)`, verdict(calls.gzip <= SIZE_GOAL.core)],
    ['voxfetch: whole core entry', ...size(core), ratio(core.gzip / calls.gzip), `≤ ${kb(SIZE_GOAL.core)} goal / ≤ ${kb(SIZE_BUDGET.core)} budget`, judge(core.gzip, SIZE_GOAL.core, SIZE_BUDGET.core)],
    withReact && reactAdds !== undefined
      ? ['voxfetch/react: whole entry, added to core + player + recorder', `+${kb(withReact.minified - hookDeps!.minified)}`, `+${kb(reactAdds)}`, '', `≤ ${kb(SIZE_GOAL.reactAdds)} goal / ≤ ${kb(SIZE_BUDGET.reactAdds)} budget`, judge(reactAdds, SIZE_GOAL.reactAdds, SIZE_BUDGET.reactAdds)]
      : ['voxfetch/react: whole entry, added to the core', REACT_ABSENT, '', '', '', ''],
    oneHook
      ? ['voxfetch/react: a component with useSpeech (core included)', ...size(oneHook), ratio(oneHook.gzip / calls.gzip), '—', '']
      : ['voxfetch/react: a component with useSpeech', REACT_ABSENT, '', '', '', ''],
    ...peers.map(([name, bundle]) => [`${name}: one speech + one transcription call`, ...size(bundle), ratio(bundle.gzip / calls.gzip), '—', '']),
  ]
  const sizes: Table = {
    title: '1. Bundle size: esbuild, browser ESM, minified, gzip -9',
    columns: ['bundle', 'minified (up front)', 'gzip -9 (up front)', 'gzip -9 loaded on demand', '× voxfetch calls', 'target', 'verdict (goal / budget)'],
    rows,
    notes: [
      'Each library’s calls written as its documentation shows them (test/bench/size-cases.ts); react is external (the app ships it). KB = 1024 bytes.',
      `Goal = issue 6. Budget = the ratchet test/unit/bundle-size.test.ts enforces (test/bench/size-budget.ts).`,
    ],
  }
  return [sizes, await capabilityTable(), ...(await breakdownTables(hasReact))]
}

/** Where the bytes come from: the same bundle built from the sources, with esbuild's metafile. */
async function breakdownTables(hasReact: boolean): Promise<Table[]> {
  const whole = await measureBundle((hasReact ? WHOLE_CORE_AND_REACT : WHOLE_CORE).code, 'src')
  const toGzip = whole.gzip / whole.minified
  const groups = new Map<string, number>()
  for (const [path, bytes] of Object.entries(whole.inputs)) {
    const name = packageOf(path)
    const group = name.startsWith('src/') || name.startsWith('react/') ? `voxfetch ${name.split('/')[0]}/` : name
    groups.set(group, (groups.get(group) ?? 0) + bytes)
  }
  const share = (bytes: number) => `${((bytes / whole.minified) * 100).toFixed(1)} %`
  const byPackage: Table = {
    title: `1b. Size by package: ${hasReact ? 'both entries' : 'the core entry'} as loaded up front, built from the sources (${kb(whole.minified)} min, ${kb(whole.gzip)} gzip; ${kb(whole.lazyGzip)} gzip more on demand)`,
    columns: ['package', 'minified', 'share', '≈ gzip share'],
    rows: [...groups].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, kb(bytes), share(bytes), `≈ ${kb(bytes * toGzip)}`]),
    notes: ['≈ gzip share = the package’s share of the minified bytes applied to the gzip size; gzip is not additive, so it is an estimate.'],
  }
  const references = [
    ['ofetch alone (createFetch(…).raw, as transport/http.ts uses it)', await measureBundle(`import { createFetch } from 'ofetch'\nexport const send = (url, init) => createFetch({ fetch: (input, options) => globalThis.fetch(input, options) }).raw(url, init)`)],
    ['zod/mini alone (one object schema)', await measureBundle(`import * as z from 'zod/mini'\nexport const schema = z.object({ model: z.string(), input: z.string() })`)],
    ['src/options/client-options.ts alone (zod/mini + the client options schema)', await measureBundle(`export * from ${JSON.stringify(join(ROOT, 'src/options/client-options.ts'))}`, 'src')],
  ] as const
  const standalone: Table = {
    title: '1c. Dependencies bundled alone (exact gzip)',
    columns: ['bundle', 'minified', 'gzip -9'],
    rows: references.map(([name, bundle]) => [name, kb(bundle.minified), kb(bundle.gzip)]),
  }
  const files: Table = {
    title: '1d. voxfetch source files by minified bytes in the bundle',
    columns: ['file', 'minified', 'share', '≈ gzip share'],
    rows: Object.entries(whole.inputs)
      .filter(([path]) => !path.includes('node_modules'))
      .sort((a, b) => b[1] - a[1])
      .map(([path, bytes]) => [path, `${bytes} B`, share(bytes), `≈ ${kb(bytes * toGzip)}`]),
  }
  return [byPackage, standalone, files]
}

/**
 * One capability per page, on the package as a user installs it (`npm pack`, unpacked into an
 * app's node_modules, resolved through its exports map), beside the SDKs doing the same call.
 */
export async function capabilityTable(): Promise<Table> {
  const packed = await packedPackage()
  try {
    const pages = [
      ['speech only, through a proxy alias', VOXFETCH_SPEECH_ONLY, OPENAI_SPEECH_ONLY, AI_SDK_SPEECH_ONLY, CAPABILITY_GOAL.speechOnly, SIZE_BUDGET.speechOnly],
      ['transcription only, through a proxy alias', VOXFETCH_TRANSCRIPTION_ONLY, OPENAI_TRANSCRIPTION_ONLY, AI_SDK_TRANSCRIPTION_ONLY, CAPABILITY_GOAL.transcriptionOnly, SIZE_BUDGET.transcriptionOnly],
      ['whole core entry (export *)', WHOLE_CORE, undefined, undefined, CAPABILITY_GOAL.core, SIZE_BUDGET.core],
    ] as const
    const rows: string[][] = []
    for (const [page, voxfetch, openai, aiSdk, goal, budget] of pages) {
      const own = await measureBundle(voxfetch.code, packed)
      const peer = async (peerCase: typeof openai) => (peerCase ? kb((await measureBundle(peerCase.code)).gzip) : '—')
      rows.push([page, kb(own.gzip), kb(own.lazyGzip), await peer(openai), await peer(aiSdk), `≤ ${kb(goal)} goal / ≤ ${kb(budget)} budget`, `${verdict(own.gzip <= goal)} / ${verdict(own.gzip <= budget)}`])
    }
    return {
      title: '1e. One capability per page, from the packed package (npm pack, installed): gzip -9 per chunk',
      columns: ['page', 'voxfetch up front', 'voxfetch on demand', 'openai', 'ai + @ai-sdk/openai', 'target (issue 12 goal / ratchet budget)', 'verdict (goal / budget)'],
      rows,
      notes: [
        'esbuild, browser ESM, code splitting, minified; up front = the entry chunk and what it imports statically; on demand = chunks behind import(): the speech and transcription pipelines (loaded on the first call), streaming, the Azure, Gemini and Vertex adapters.',
        `The tarball holds ${packed.files.length} files; the peers do the same single call, as their documentation shows it. Budgets = the ratchet test/unit/bundle-size.test.ts enforces (test/bench/size-budget.ts).`,
      ],
    }
  } finally {
    await packed.dispose()
  }
}
