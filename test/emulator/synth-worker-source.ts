/**
 * Source of the worker thread that runs mespeak. eSpeak compiled to JS blocks its thread for
 * ~0.5 s a sentence; inside a worker the emulator (and a client in the same process) keeps
 * serving meanwhile. Kept as CommonJS text so it runs without a TypeScript loader.
 */
export const SYNTH_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createRequire } = require('node:module')
const load = createRequire(workerData.mespeakPath)
const warn = console.warn
console.warn = () => {}
const meSpeak = load(workerData.mespeakPath)
meSpeak.loadConfig(load(workerData.configPath))
meSpeak.loadVoice(load(workerData.voicePath))
console.warn = warn
parentPort.on('message', (job) => {
  try {
    const wav = meSpeak.speak(job.text, { rawdata: 'array', variant: job.variant, speed: job.wordsPerMinute })
    if (!wav) throw new Error('mespeak returned no audio')
    const bytes = Uint8Array.from(wav)
    parentPort.postMessage({ id: job.id, wav: bytes }, [bytes.buffer])
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String(error && error.message || error) })
  }
})
`
