import { join } from 'node:path'
import { type FirstResult, measureFirstResult, packageOf, singleChunk } from './first-result.ts'
import { hasDist, REACT_ABSENT, ROOT } from './paths.ts'
import { packedPackage } from './packed-package.ts'
import { FIRST_RESULT_TARGET, SIZE_BUDGET } from './size-budget.ts'
import {
  AI_SDK_SPEECH_ONLY, AI_SDK_TRANSCRIPTION_ONLY, OPENAI_SPEECH_ONLY, OPENAI_TRANSCRIPTION_ONLY, RAW_FETCH_CALLS, REACT_STREAMED_SPEECH,
  REACT_TRANSCRIPTION_ONLY, type SizeCase, VOXFETCH_SPEECH_ONLY, VOXFETCH_TRANSCRIPTION_ONLY, WHOLE_PLAYER, WHOLE_RECORDER,
} from './size-cases.ts'
import { kb, type Table, verdict } from './table.ts'

interface Page {
  name: string
  sizeCase: SizeCase
  /** Built from the packed package (voxfetch) or from node_modules (the peers). */
  own: boolean
  target?: number
  budget?: number
}

/** Table 1 and its breakdowns: what a page downloads before its first result, and why. */
export async function sizeTables(): Promise<Table[]> {
  const hasReact = hasDist('react')
  const packed = await packedPackage()
  try {
    const pages: Page[] = [
      { name: '(a) voxfetch: createClient(…).speech(…), proxy alias', sizeCase: VOXFETCH_SPEECH_ONLY, own: true, target: FIRST_RESULT_TARGET.speech, budget: SIZE_BUDGET.speech },
      { name: '(b) voxfetch: createClient(…).transcription(…), proxy alias', sizeCase: VOXFETCH_TRANSCRIPTION_ONLY, own: true, target: FIRST_RESULT_TARGET.transcription, budget: SIZE_BUDGET.transcription },
      ...(hasReact
        ? [
            { name: '(c) voxfetch/react: useSpeech({ play: "stream" }) only', sizeCase: REACT_STREAMED_SPEECH, own: true, target: FIRST_RESULT_TARGET.streamedSpeechHook, budget: SIZE_BUDGET.streamedSpeechHook },
            { name: 'voxfetch/react: useTranscription only', sizeCase: REACT_TRANSCRIPTION_ONLY, own: true },
          ]
        : []),
      { name: 'openai 6: one speech call', sizeCase: OPENAI_SPEECH_ONLY, own: false },
      { name: 'openai 6: one transcription call', sizeCase: OPENAI_TRANSCRIPTION_ONLY, own: false },
      { name: 'ai + @ai-sdk/openai: one speech call', sizeCase: AI_SDK_SPEECH_ONLY, own: false },
      { name: 'ai + @ai-sdk/openai: one transcription call', sizeCase: AI_SDK_TRANSCRIPTION_ONLY, own: false },
      { name: 'raw fetch: one speech + one transcription call', sizeCase: RAW_FETCH_CALLS, own: false },
    ]
    const rows: string[][] = []
    const fromSources = await measureFirstResult(VOXFETCH_SPEECH_ONLY.code, 'src')
    let speech: FirstResult | undefined
    for (const page of pages) {
      const source = page.own ? packed : 'dist'
      const result = await measureFirstResult(page.sizeCase.code, source)
      speech ??= result
      const judged = page.target === undefined ? ['—', ''] : [`≤ ${kb(page.target)} / ratchet ${kb(page.budget!)}`, `${verdict(result.gzip <= page.target)} / ${verdict(result.gzip <= page.budget!)}`]
      rows.push([
        page.name,
        String(result.chunks.length),
        kb(result.gzip),
        `${result.waves} / ${result.wavesWithPreload}`,
        kb(await singleChunk(page.sizeCase.code, source)),
        ...judged,
      ])
    }
    const firstResult: Table = {
      title: '1. What a page downloads before its first result: esbuild, browser ESM, code splitting, minified, gzip -9 per chunk',
      columns: ['page', 'chunks', 'gzip before the first result', 'round trips (no hints / modulepreload)', 'one chunk, no splitting (all of it)', 'target (issue 19) / ratchet', 'verdict'],
      rows,
      notes: [
        'voxfetch from the packed package (npm pack, installed into an app folder, resolved through its exports map); peers from node_modules; each call written as its documentation shows it (test/bench/size-cases.ts). React is external (the app ships it). KB = 1024 bytes.',
        'Before the first result = the app chunk and every chunk it imports statically: a proxy call loads no import() chunk (test/package/bundle-size.test.ts runs (a) and (b) with every lazy chunk deleted). Round trips: without hints a chunk’s static imports are fetched once it has arrived; with <link rel="modulepreload"> (Vite’s HTML) the static graph is one round trip.',
        'esbuild moves every module that the static graph shares with a lazy chunk into shared chunks, hence several chunks in two waves; one chunk = the same app built without splitting, lazy pieces included.',
        `A client holds both capabilities, so (a) and (b) download the same chunks: a speech page carries the upload pipeline (transcription/, multipart, XHR progress, ≈ ${kb(transcriptionShare(fromSources))} gzip) so that neither first call waits for a second download.`,
      ],
    }
    return [firstResult, lazyTable(speech!), ...(await breakdownTables(fromSources)), await entryTable()]
  } finally {
    await packed.dispose()
  }
}

/** gzip bytes, estimated from the minified share, that transcription's code adds to page (a). */
function transcriptionShare(fromSources: FirstResult): number {
  const bytes = Object.entries(fromSources.inputs)
    .filter(([path]) => /^src\/(transcription\/|transport\/(xhr|multipart|progress)\.ts|audio\/(file|input)\.ts)/.test(path))
    .reduce((sum, [, size]) => sum + size, 0)
  return (bytes / fromSources.minified) * fromSources.gzip
}

function lazyTable(speech: FirstResult): Table {
  return {
    title: '1b. Loaded only when a call needs it (the chunks behind import(), from page (a))',
    columns: ['lazy piece', 'loaded by', 'gzip it adds', 'round trips after the call asks'],
    rows: speech.lazy.map((piece) => [piece.name, LAZY_USERS[piece.name] ?? '—', kb(piece.gzip), String(piece.waves)]),
    notes: ['Sizes overlap: a piece counts the shared chunks it needs beyond the page, which another piece may need too.'],
  }
}

const LAZY_USERS: Record<string, string> = {
  azure: 'azure/… models',
  gemini: 'gemini/… models',
  vertex: 'vertex_ai/… models',
  'vertex-credential': 'vertex_ai/… with a service account (JWT signing)',
  events: 'speech answered as server-sent events (stream_format: "sse", Gemini streaming)',
  'create-stream': 'streamTranscription()',
  create: 'streamSpeech() (speech of a text still being written)',
}

/** Where page (a)'s bytes come from: the same page built from the sources, with esbuild's metafile. */
async function breakdownTables(page: FirstResult): Promise<Table[]> {
  const toGzip = page.gzip / page.minified
  const groups = new Map<string, number>()
  for (const [path, bytes] of Object.entries(page.inputs)) {
    const name = packageOf(path)
    const group = name.startsWith('src/') ? `voxfetch ${name.split('/').slice(0, 2).join('/')}${name.split('/').length > 2 ? '/' : ''}` : name
    groups.set(group, (groups.get(group) ?? 0) + bytes)
  }
  const share = (bytes: number) => `${((bytes / page.minified) * 100).toFixed(1)} %`
  const dependencies = ['zod', 'ofetch', 'ufo', 'destr'].reduce((sum, name) => sum + (groups.get(name) ?? 0), 0)
  const byPackage: Table = {
    title: `1c. Page (a) by package and folder, built from the sources (${kb(page.minified)} min, ${kb(page.gzip)} gzip before the first result)`,
    columns: ['package or folder', 'minified', 'share', '≈ gzip share'],
    rows: [...groups].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => [name, kb(bytes), share(bytes), `≈ ${kb(bytes * toGzip)}`]),
    notes: [
      '≈ gzip share = the share of the minified bytes applied to the gzip size; gzip is not additive, so it is an estimate.',
      `What stands between (a) and its 18 KB target: the runtime dependencies the brief names (zod/mini, ofetch with ufo and destr) are ≈ ${kb(dependencies * toGzip)} of it, leaving ≈ ${kb(18 * 1024 - dependencies * toGzip)} for voxfetch's own code, which is ≈ ${kb((page.minified - dependencies) * toGzip)} today.`,
      'What it would take: validating with hand-written checks instead of zod/mini (zod alone is the largest line), calling fetch directly instead of through ofetch (ofetch brings ufo and destr, neither used by voxfetch), and a browser build condition that leaves out the server-only paths (redirect-mode probing for Node and Workers, environment variables, LiteLLM model_list and config handling).',
    ],
  }
  const references = [
    ['ofetch alone (createFetch(…).raw, as transport/http.ts uses it)', `import { createFetch } from 'ofetch'\nexport const send = (url, init) => createFetch({ fetch: (input, options) => globalThis.fetch(input, options) }).raw(url, init)`, 'dist'],
    ['zod/mini alone (one object schema)', `import * as z from 'zod/mini'\nexport const schema = z.object({ model: z.string(), input: z.string() })`, 'dist'],
    ['src/options/client-options.ts alone (zod/mini + the client options schema)', `export * from ${JSON.stringify(join(ROOT, 'src/options/client-options.ts'))}`, 'src'],
  ] as const
  const standalone: Table = {
    title: '1d. Dependencies bundled alone (exact gzip)',
    columns: ['bundle', 'minified', 'gzip -9'],
    rows: await Promise.all(references.map(async ([name, code, source]) => {
      const bundle = await measureFirstResult(code, source)
      return [name, kb(bundle.minified), kb(bundle.gzip)]
    })),
  }
  const files: Table = {
    title: '1e. voxfetch source files of page (a) by minified bytes',
    columns: ['file', 'minified', 'share', '≈ gzip share'],
    rows: Object.entries(page.inputs)
      .filter(([path]) => !path.includes('node_modules'))
      .sort((a, b) => b[1] - a[1])
      .map(([path, bytes]) => [path, `${bytes} B`, share(bytes), `≈ ${kb(bytes * toGzip)}`]),
  }
  return [byPackage, standalone, files]
}

/** The browser-audio entries on their own: what a page that plays or records adds. */
async function entryTable(): Promise<Table> {
  const rows: string[][] = []
  for (const [name, sizeCase, budget] of [['voxfetch/player (whole entry)', WHOLE_PLAYER, SIZE_BUDGET.player], ['voxfetch/recorder (whole entry)', WHOLE_RECORDER, SIZE_BUDGET.recorder]] as const) {
    if (!hasDist(name.includes('player') ? 'player' : 'recorder')) {
      rows.push([name, REACT_ABSENT, '', ''])
      continue
    }
    const { gzip } = await measureFirstResult(sizeCase.code)
    rows.push([name, kb(gzip), `ratchet ${kb(budget)}`, verdict(gzip <= budget)])
  }
  return { title: '1f. The browser-audio entries, whole (gzip -9)', columns: ['entry', 'gzip', 'budget', 'verdict'], rows }
}

