import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { startEmulator, TEST_KEYS } from '../emulator/index.ts'
import { launchChromium } from '../browser/chromium.ts'
import { composeDictation, loadPhrases } from '../fixtures/dictation/compose.ts'
import type { Table } from './table.ts'

/** About a minute of the committed phrases, each followed by a 0.9 s pause. */
const PHRASES = 18
/** The person clicks stop this long after their last word. */
const STOP_AFTER_MS = 300
/** A typical uplink (8 Mbit/s), applied by the emulator to every upload: loopback alone hides what uploading a minute costs. */
const UPLOAD_RATE = 1_000_000
const TARGET = 5

/**
 * Time from the end of speech to the full transcript: live dictation (pieces transcribed while
 * recording goes on) against record-then-transcribe (the whole recording sent after stop), in
 * Chromium with the fake microphone playing the fixture, against the emulator.
 */
export async function dictationTable(): Promise<Table> {
  const phrases = loadPhrases()
  const composed = composeDictation(phrases, Array.from({ length: PHRASES }, (_, index) => index % phrases.length))
  const speechEndMs = composed.spans.at(-1)!.end * 1000
  const directory = await mkdtemp(join(tmpdir(), 'voxfetch-dictation-bench-'))
  const file = join(directory, 'speech.wav')
  await writeFile(file, composed.wav)
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../browser/pages/dictation-page.ts', import.meta.url))],
    bundle: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'warning',
  })
  const code = bundle.outputFiles[0]!.text
  const server = createServer((request, response) => {
    if (request.url === '/page.js') return response.writeHead(200, { 'content-type': 'text/javascript' }).end(code)
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const emulator = await startEmulator()
  const chromium = await launchChromium(undefined, [`--use-file-for-fake-audio-capture=${file}`])
  try {
    await chromium.context.grantPermissions(['microphone'], { origin: url })
    const page = await chromium.context.newPage()
    await page.goto(url)
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true)
    const options = (rate?: number) => ({
      model: 'whisper',
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
      params: { baseURL: emulator.url, apiKey: TEST_KEYS.proxy, maxRetries: 0, ...(rate && { headers: { 'x-emulator-upload-rate': String(rate) } }) },
    })
    type Dictated = { text: string; markedAt: number; doneAt: number; pieces: unknown[] }
    const live = await page.evaluate((run) => (window as never as { dictate: (r: unknown) => Promise<Dictated> }).dictate(run), {
      options: options(UPLOAD_RATE), markAtMs: speechEndMs, stopAtMs: speechEndMs + STOP_AFTER_MS,
    })
    // A loaded machine makes the fake microphone drop audio now and then: a phrase it mangled is
    // not recognized (the placeholder stands in), which changes the text but not the timing.
    const recognized = composed.spans.filter((span) => live.text.includes(span.text)).length
    const whole = async (rate?: number) => page.evaluate((run) => (window as never as { transcribeWhole: (o: unknown) => Promise<{ ms: number; size: number }> }).transcribeWhole(run), options(rate))
    const throttled = await whole(UPLOAD_RATE)
    const loopback = await whole()
    const dictationMs = live.doneAt - live.markedAt
    const recordThenMs = STOP_AFTER_MS + throttled.ms
    const speedup = recordThenMs / dictationMs
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
    return {
      title: `Dictation: end of speech → full transcript, ${composed.duration.toFixed(0)} s of speech with pauses (${PHRASES} phrases)`,
      columns: ['path', 'end of speech → transcript', 'vs record-then-transcribe', 'target'],
      rows: [
        ['voxfetch dictation (pieces sent while recording)', seconds(dictationMs), `${speedup.toFixed(1)}× sooner`, `≥ ${TARGET}× ${speedup >= TARGET ? 'PASS' : 'FAIL'}`],
        [`record, then transcribe the whole ${(throttled.size / 1e6).toFixed(1)} MB WAV`, seconds(recordThenMs), '1×', ''],
        ['record, then transcribe, loopback with no upload limit', seconds(STOP_AFTER_MS + loopback.ms), '', ''],
      ],
      notes: [
        `Chromium's fake microphone plays the fixture (test/fixtures/dictation, composed); the user stops ${STOP_AFTER_MS} ms after the last word in both paths.`,
        `Uploads limited to ${UPLOAD_RATE / 1e6} MB/s by the emulator (x-emulator-upload-rate), as an 8 Mbit/s uplink would; the emulator answers at once, where a real transcriber's time also grows with the audio, which favours record-then-transcribe here.`,
        `${live.pieces.length} pieces; ${recognized} of the ${PHRASES} phrases recognized in the stitched transcript${recognized < PHRASES ? ' (the others were mangled by fake-microphone dropouts on a loaded machine)' : ''}.`,
      ],
    }
  } finally {
    await chromium.close()
    await emulator.close()
    await new Promise((resolve) => server.close(resolve))
    await rm(directory, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { renderTable } = await import('./table.ts')
  console.log(renderTable(await dictationTable()))
}
