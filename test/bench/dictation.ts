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
/** A block at or above this input level (-45 dBFS) is speech: the committed phrases never fall below it for more than a block. */
const SPEECH_LEVEL = 0.25
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
  const lastSpan = composed.spans.at(-1)!
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
    type Piece = { status: string; closedAt: number; doneAt?: number; startMs: number; endMs: number }
    type Upload = { startTime: number; requestStart: number; responseStart: number; responseEnd: number }
    type Dictated = {
      text: string; markedAt: number; stoppedAt: number; doneAt: number; pieces: Piece[]; pieceSizes: number[]; uploads: Upload[]
      recording: { size: number; type: string }
    }
    const live = await page.evaluate((run) => (window as never as { dictate: (r: unknown) => Promise<Dictated> }).dictate(run), {
      // The whole recording also in the recorder's format (webm/opus at the browser's bitrate), for the third path below.
      options: { ...options(UPLOAD_RATE), mimeType: 'audio/webm;codecs=opus' },
      stopAfterSpeech: { fromMs: (lastSpan.start + 1) * 1000, delayMs: STOP_AFTER_MS, level: SPEECH_LEVEL },
    })
    // A loaded machine makes the fake microphone drop audio now and then: a phrase it mangled is
    // not recognized (the placeholder stands in), which changes the text but not the timing.
    const recognized = composed.spans.filter((span) => live.text.includes(span.text)).length
    type Whole = { ms: number; size: number }
    const whole = async (rate: number | undefined, as: 'wav' | 'recording') =>
      page.evaluate(([run, as]) => (window as never as { transcribeWhole: (o: unknown, as: string) => Promise<Whole> }).transcribeWhole(run, as), [options(rate), as] as const)
    const throttled = await whole(UPLOAD_RATE, 'wav')
    const compressed = await whole(UPLOAD_RATE, 'recording')
    const loopback = await whole(undefined, 'wav')
    // The same stop delay for every path: the one the person in the dictation took (300 ms and a timer's lateness).
    const stopDelayMs = live.stoppedAt - live.markedAt
    const dictationMs = live.doneAt - live.markedAt
    const recordThenMs = stopDelayMs + throttled.ms
    const speedup = recordThenMs / dictationMs
    // Where dictation's time after the stop goes: the last piece that was sent.
    const lastSent = live.pieces.map((piece) => piece.doneAt !== undefined).lastIndexOf(true)
    const last = live.pieces[lastSent]!
    const upload = live.uploads.at(-1)!
    const after = (at: number) => `${(at - live.stoppedAt).toFixed(0)} ms`
    const breakdown = [
      `the stop ${stopDelayMs.toFixed(0)} ms after the last word`,
      `the last piece sent (${((last.endMs - last.startMs) / 1000).toFixed(2)} s, ${(live.pieceSizes[lastSent]! / 1000).toFixed(0)} KB) closed at ${after(last.closedAt)}`,
      `its upload began at ${after(upload.startTime)}, its answer ended at ${after(upload.responseEnd)}, its text at ${after(last.doneAt!)}`,
      `the dictation settled at ${after(live.doneAt)}`,
      `pieces after it: ${live.pieces.slice(lastSent + 1).map((piece) => `${piece.status} ${((piece.endMs - piece.startMs) / 1000).toFixed(2)} s`).join(', ') || 'none'}`,
    ].join('; ')
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
    return {
      title: `Dictation: end of speech → full transcript, ${composed.duration.toFixed(0)} s of speech with pauses (${PHRASES} phrases)`,
      columns: ['path', 'end of speech → transcript', 'vs record-then-transcribe', 'target'],
      rows: [
        ['voxfetch dictation (pieces sent while recording)', seconds(dictationMs), `${speedup.toFixed(1)}× sooner`, `≥ ${TARGET}× ${speedup >= TARGET ? 'PASS' : 'FAIL'}`],
        [`record, then transcribe the whole ${(throttled.size / 1e6).toFixed(1)} MB WAV`, seconds(recordThenMs), '1×', ''],
        [`record, then transcribe the whole ${(compressed.size / 1e6).toFixed(1)} MB webm/opus (the recorder's format)`, seconds(stopDelayMs + compressed.ms), `${((stopDelayMs + compressed.ms) / dictationMs).toFixed(1)}× dictation`, ''],
        ['record, then transcribe the WAV, loopback with no upload limit', seconds(stopDelayMs + loopback.ms), '', ''],
      ],
      notes: [
        `Chromium's fake microphone plays the fixture (test/fixtures/dictation, composed); the user stops ${STOP_AFTER_MS} ms after the last word, found in the recorded signal as it arrives (the last 43 ms block at -45 dBFS or louder); every path counts the same stop delay, ${stopDelayMs.toFixed(0)} ms in this run.`,
        `Uploads limited to ${UPLOAD_RATE / 1e6} MB/s by the emulator (x-emulator-upload-rate), as an 8 Mbit/s uplink would; the emulator answers at once, where a real transcriber's time also grows with the audio, which favours record-then-transcribe here.`,
        `Dictation's ${seconds(dictationMs)}: ${breakdown}.`,
        `The dictation ran with \`mimeType: 'audio/webm;codecs=opus'\` (MediaRecorder alongside, at the browser's bitrate as the recorder uses it); the WAV path sends the pieces' PCM joined into one file.`,
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
