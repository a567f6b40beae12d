import { execFile } from 'node:child_process'
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/index.ts'
import { type Emulator, startEmulator, TEST_KEYS } from '../emulator/index.ts'
import { buildApp, firstResult } from '../bench/first-result.ts'
import { type Entry, hasDist, ROOT } from '../bench/paths.ts'
import { SIZE_BUDGET } from '../bench/size-budget.ts'
import {
  REACT_STREAMED_SPEECH, REACT_TRANSCRIPTION_ONLY, SPEECH_ONLY, VOXFETCH_SPEECH_ONLY, VOXFETCH_TRANSCRIPTION_ONLY, WHOLE_CORE, WHOLE_DICTATION, WHOLE_PLAYER, WHOLE_RECORDER,
} from '../bench/size-cases.ts'
import { kb } from '../bench/table.ts'

// Measured on dist/ (what users install) the way `npm run bench` measures it: esbuild, browser
// ESM, code splitting, minified, gzip -9 per chunk, every chunk a page downloads before the
// call's first result. `npm test` builds first.
function requireBuilt(...entries: Entry[]): void {
  for (const entry of entries) if (!hasDist(entry)) throw new Error(`dist/${entry}.js is missing: run \`npm run build\` first (\`npm test\` does)`)
}

const measure = async (code: string) => firstResult(await buildApp(code))

describe('what a page downloads before its first result', () => {
  it('keeps (a) a proxy speech page and (b) a proxy transcription page within the ratchet', async () => {
    requireBuilt('index')
    for (const [name, sizeCase, budget] of [['(a) speech', VOXFETCH_SPEECH_ONLY, SIZE_BUDGET.speech], ['(b) transcription', VOXFETCH_TRANSCRIPTION_ONLY, SIZE_BUDGET.transcription]] as const) {
      const page = await measure(sizeCase.code)
      console.info(`${name} page: ${kb(page.gzip)} gzip in ${page.chunks.length} chunks, ${page.waves} round trips without hints (${page.gzip} B; ratchet ${kb(budget)})`)
      expect(page.gzip).toBeLessThanOrEqual(budget)
      // Everything the call needs is in the static graph: no import() stands between the click and the answer.
      expect(page.wavesWithPreload).toBe(1)
    }
  })

  it('keeps (c) a useSpeech({ play: "stream" }) page within the ratchet, without the recorder', async () => {
    requireBuilt('index', 'react', 'player', 'recorder')
    const page = await measure(REACT_STREAMED_SPEECH.code)
    console.info(`(c) useSpeech({ play: 'stream' }) page: ${kb(page.gzip)} gzip (${page.gzip} B; ratchet ${kb(SIZE_BUDGET.streamedSpeechHook)})`)
    expect(page.gzip).toBeLessThanOrEqual(SIZE_BUDGET.streamedSpeechHook)
    expect(Object.keys(page.inputs).filter((path) => path.includes('dist/recorder'))).toEqual([])
    expect(Object.keys(page.inputs).some((path) => path.includes('dist/player'))).toBe(true)
  })

  it('gives a page that only transcribes through the hooks neither the player nor the recorder', async () => {
    requireBuilt('index', 'react', 'player', 'recorder')
    const page = await measure(REACT_TRANSCRIPTION_ONLY.code)
    expect(Object.keys(page.inputs).filter((path) => /dist\/(player|recorder)/.test(path))).toEqual([])
  })

  it('keeps the player and the recorder entries within their budgets; a page that only speaks pays for neither', async () => {
    requireBuilt('index', 'player', 'recorder')
    const [player, recorder, speechOnly] = await Promise.all([WHOLE_PLAYER, WHOLE_RECORDER, SPEECH_ONLY].map((sizeCase) => measure(sizeCase.code)))
    console.info(`voxfetch/player: ${kb(player!.gzip)} gzip (budget ${kb(SIZE_BUDGET.player)}); voxfetch/recorder: ${kb(recorder!.gzip)} gzip (budget ${kb(SIZE_BUDGET.recorder)})`)
    expect(player!.gzip).toBeLessThanOrEqual(SIZE_BUDGET.player)
    expect(recorder!.gzip).toBeLessThanOrEqual(SIZE_BUDGET.recorder)
    expect(Object.keys(speechOnly!.inputs).filter((path) => /dist\/(player|recorder)/.test(path))).toEqual([])
  })
})

describe('voxfetch/dictation', () => {
  it('adds at most its budget to the core; pages that record or use the other hooks download none of it', async () => {
    requireBuilt('index', 'react', 'player', 'recorder', 'dictation')
    const [core, dictation, recorder, streamedSpeech, transcription] = await Promise.all([WHOLE_CORE, WHOLE_DICTATION, WHOLE_RECORDER, REACT_STREAMED_SPEECH, REACT_TRANSCRIPTION_ONLY].map((sizeCase) => measure(sizeCase.code)))
    const added = dictation!.gzip - core!.gzip
    console.info(`voxfetch/dictation adds ${kb(added)} gzip to the core (${added} B; budget ${kb(SIZE_BUDGET.dictationAdds)})`)
    expect(added).toBeLessThanOrEqual(SIZE_BUDGET.dictationAdds)
    for (const page of [recorder!, streamedSpeech!, transcription!]) expect(Object.keys(page.inputs).filter((path) => /dist\/dictation|pcm-|resampler/.test(path))).toEqual([])
  })
})

describe('a proxy call loads no chunk behind import()', () => {
  let emulator: Emulator
  let dir: string
  let wavFile: string
  beforeAll(async () => {
    requireBuilt('index')
    emulator = await startEmulator()
    dir = await mkdtemp(join(tmpdir(), 'voxfetch-first-result-'))
    const speech = await createClient({ baseURL: emulator.url, apiKey: TEST_KEYS.proxy }).speech({ model: 'tts', voice: 'alloy', input: 'Hello there.', response_format: 'wav' })
    wavFile = join(dir, 'hello.wav')
    await writeFile(wavFile, new Uint8Array(await speech.arrayBuffer()))
  })
  afterAll(async () => {
    await emulator?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  /** Builds the page into `dir`, deletes every chunk not in its static graph, and runs `call` on it in a fresh Node. */
  async function runWithoutLazyChunks(code: string, call: string): Promise<string> {
    const outdir = join(dir, `app-${Math.random().toString(36).slice(2)}`)
    const app = code.replace("'/api/litellm'", JSON.stringify(emulator.url)).replace("'sk-virtual-key'", JSON.stringify(TEST_KEYS.proxy))
    const output = await buildApp(app, 'dist', { outdir, write: true })
    const page = firstResult(output)
    const lazy = Object.keys(output.metafile.outputs).filter((path) => path.endsWith('.js') && !page.chunks.some((chunk) => chunk.file === path))
    expect(lazy.length).toBeGreaterThan(0)
    for (const path of lazy) await unlink(join(ROOT, path))
    const entry = join(ROOT, output.entry)
    const script = `const app = await import(${JSON.stringify(`file://${entry}`)}); const { readFile } = await import('node:fs/promises'); console.log(String(await ${call}))`
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, timeout: 20_000 })
    expect(relative(ROOT, entry)).toBe(output.entry)
    return stdout.trim()
  }

  it('(a) speaks through a proxy alias with only the static chunks on disk', async () => {
    const printed = await runWithoutLazyChunks(VOXFETCH_SPEECH_ONLY.code, `app.speak('Hello there.').then((blob) => blob.type + ' ' + blob.size)`)
    expect(printed).toMatch(/^audio\/mpeg [1-9]\d*$/)
  })

  it('(b) transcribes through a proxy alias with only the static chunks on disk', async () => {
    const printed = await runWithoutLazyChunks(
      VOXFETCH_TRANSCRIPTION_ONLY.code,
      `app.transcribe(new File([await readFile(${JSON.stringify(wavFile)})], 'hello.wav', { type: 'audio/wav' }))`,
    )
    expect(printed.length).toBeGreaterThan(0)
  })
})
