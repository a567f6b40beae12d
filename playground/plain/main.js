// voxfetch without a framework or a bundler: plain modules, the platform's elements, one client.
// `/vendor/voxfetch/` is the package's browser build (`voxfetch/browser`, dist/browser/): an ES
// module per entry (index, player, recorder) and the chunks they share, as unpkg or jsDelivr
// would serve them, imported by URL: no import map needed.
import { createClient, isAbortError } from '/vendor/voxfetch/index.js'
import { createPlayer } from '/vendor/voxfetch/player.js'
import { createRecorder } from '/vendor/voxfetch/recorder.js'

// The playground server answers /v1/audio/* on this origin (the emulator, or a LiteLLM proxy it
// forwards to, adding the key itself), so the page holds no key.
const client = createClient({ baseURL: location.origin })

/** TEST-ONLY: headers the browser tests add to each call (e.g. `x-emulator-upload-rate`). */
const testHeaders = () => window.__voxfetchTestHeaders

const $ = (selector) => document.querySelector(selector)
const megabytes = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`
const items = (texts) => texts.map((text) => Object.assign(document.createElement('li'), { textContent: text }))

// What the server can do: per speech model its voices and formats, per transcription model its
// upload limit, and the file types voxfetch accepts.
const speechModels = new Map()
const limits = new Map([['whisper', 25]])
// A model that streams its transcript on this origin (the emulator's OpenAI persona), if any.
let streaming
fetch('/playground.json')
  .then((response) => response.json())
  .then((info) => {
    for (const model of info.speechModels) speechModels.set(model.name, model)
    $('#speech-model').replaceChildren(...info.speechModels.map(({ name }) => new Option(name)))
    followModel()
    limits.clear()
    for (const { name, maxFileSizeMB } of info.transcriptionModels) limits.set(name, maxFileSizeMB)
    $('#transcription-model').replaceChildren(...info.transcriptionModels.map(({ name, maxFileSizeMB }) => new Option(`${name} · max ${maxFileSizeMB} MB`, name)))
    showLimit()
    $('#file-input').accept = info.uploadFormats.map((format) => `.${format}`).join(',')
    $('#upload-formats').textContent = info.uploadFormats.join(', ')
    streaming = info.streamingTranscription && {
      model: info.streamingTranscription.model,
      path: info.streamingTranscription.path,
      // The emulator's public test key, not a secret: hence the opt-in a real key never gets.
      client: createClient({ baseURL: location.origin + info.streamingTranscription.path, apiKey: info.streamingTranscription.apiKey, dangerouslyAllowBrowser: true }),
    }
    showStreamNote()
  })
  .catch(() => {})

/**
 * The voice and format lists offer what the chosen model can do, keeping a choice it still
 * offers; speed and instructions are enabled only where the model uses them.
 */
function followModel() {
  const model = speechModels.get($('#speech-model').value)
  if (!model) return
  for (const [select, values] of [[$('#speech-voice'), model.voices], [$('#speech-format'), ['auto', ...model.formats]]]) {
    const kept = values.includes(select.value) ? select.value : values[0]
    select.replaceChildren(...values.map((value) => new Option(value)))
    select.value = kept
  }
  $('#speech-speed').disabled = !model.speed
  $('#speech-instructions').disabled = !model.instructions
  $('#speech-instructions').placeholder = model.instructions ? 'Speak warmly' : 'Not for this model'
  $('#instructions-hint').textContent = model.instructions ? 'optional' : 'not used'
  $('#speech-note').textContent = model.note ?? ''
  $('#speech-note').hidden = !model.note
  showSpeed()
}
$('#speech-model').addEventListener('change', followModel)

// Speed is the chosen model's: a new model starts at its own default.
$('#speech-model').addEventListener('change', () => {
  $('#speech-speed').value = '1'
  showSpeed()
})

// OpenAI (and so a LiteLLM proxy in front of it) refuses a longer `input` with a 400.
const MAX_INPUT = 4096
function checkLength() {
  const over = $('#speech-text').value.length - MAX_INPUT
  $('#speech-too-long').hidden = over <= 0
  $('#speech-too-long').textContent = over > 0 ? `At most 4,096 characters in one request: shorten the text by ${over.toLocaleString('en')}.` : ''
  $('#speech-text').setAttribute('aria-invalid', String(over > 0))
  $('#speech-form button[type=submit]').disabled = over > 0
}
$('#speech-text').addEventListener('input', checkLength)

const showSpeed = () => ($('#speed-value').textContent = $('#speech-speed').disabled ? 'not used' : `${Number($('#speech-speed').value).toFixed(2)}×`)
$('#speech-speed').addEventListener('input', showSpeed)

function showError(element, error) {
  element.replaceChildren()
  const name = document.createElement('span')
  name.className = 'badge badge-error'
  name.textContent = error.name
  const message = document.createElement('p')
  message.className = 'notice-message'
  message.dataset.testid = 'error-message'
  message.textContent = error.message
  element.append(name, message)
  element.hidden = false
}

// ── Speech: text → player (sound from the first bytes) → <audio> to replay ──

// The player owns the clip's object URL and revokes it when the next clip replaces it.
const player = createPlayer()
player.subscribe(() => {
  const state = player.getSnapshot()
  $('#playback-status').textContent = state.status
  if (state.status !== 'idle' && state.url && $('#speech-audio').src !== state.url) $('#speech-audio').src = state.url
})

/** The options the form asks for, leaving out what the model does not use. */
function speechOptions() {
  const format = $('#speech-format').value
  const speed = Number($('#speech-speed').value)
  const instructions = $('#speech-instructions').value.trim()
  return {
    model: $('#speech-model').value,
    input: $('#speech-text').value,
    voice: $('#speech-voice').value,
    // 'auto' sends no response_format: the model behind a proxy alias picks.
    response_format: format === 'auto' ? undefined : format,
    speed: !$('#speech-speed').disabled && speed !== 1 ? speed : undefined,
    instructions: !$('#speech-instructions').disabled && instructions ? instructions : undefined,
  }
}

let speaking
$('#speech-form').addEventListener('submit', async (event) => {
  event.preventDefault()
  // Still inside the click: the browser lets sound start from here (autoplay policies).
  player.unlock()
  speaking?.abort()
  const controller = new AbortController()
  speaking = controller
  const button = $('#speech-form button[type=submit]')
  button.disabled = true
  button.textContent = 'Speaking…'
  // A new attempt clears what it replaces.
  $('#speech-error').hidden = true
  $('#speech-output').hidden = true
  try {
    const options = speechOptions()
    const audio = await client.speech({ ...options, signal: controller.signal, headers: testHeaders() })
    $('#speech-output').hidden = false
    const blob = await player.play(audio, { mode: $('#speech-stream').checked ? 'stream' : 'whole', signal: controller.signal })
    $('#speech-meta').replaceChildren(...items([audio.mediaType, `${(blob.size / 1024).toFixed(1)} KB`]))
    const requested = options.response_format
    const received = /wav/.test(audio.mediaType) ? 'wav' : /mpeg/.test(audio.mediaType) ? 'mp3' : /flac/.test(audio.mediaType) ? 'flac' : requested
    const warnings = [
      ...(requested && received !== requested ? [`response_format: asked for ${requested}, the server sent ${received}`] : []),
      ...audio.warnings.map(({ option, message }) => `${option}: ${message}`),
    ]
    $('#speech-warnings').replaceChildren(...items(warnings))
    $('#speech-warnings').hidden = warnings.length === 0
  } catch (error) {
    if (isAbortError(error)) return
    $('#speech-output').hidden = true
    showError($('#speech-error'), error)
  } finally {
    if (speaking === controller) {
      speaking = undefined
      button.textContent = 'Speak'
      checkLength()
    }
  }
})

// ── Transcription: file → upload with progress → text ──

let upload
const showLimit = () => ($('#limit-hint').textContent = `Max ${limits.get($('#transcription-model').value) ?? 25}\u00a0MB`)
$('#transcription-model').addEventListener('change', showLimit)

/** Which model and client a transcription uses: the streaming persona when streaming is on. */
function showStreamNote() {
  const on = $('#transcription-stream').checked
  $('#stream-note').hidden = !on
  $('#transcription-model').disabled = on && Boolean(streaming)
  $('#stream-note').textContent = streaming
    ? `A LiteLLM proxy answers a transcription whole, so this goes to ${streaming.model} on the emulator's OpenAI persona (${streaming.path}, its public test key), which streams text deltas.`
    : 'A LiteLLM proxy answers a transcription whole: the text arrives at once, as one event.'
}
$('#transcription-stream').addEventListener('change', showStreamNote)

// The emulator sends a transcript's events as fast as it can; this asks it to space them (its
// `x-emulator-stream-interval-ms` header) so the growing text can be seen.
const PACED = { 'x-emulator-stream-interval-ms': '90' }

/** Streamed: the transcript grows with each delta; no upload progress (fetch cannot report it). */
async function transcribeStreamed(file, signal) {
  const target = streaming ?? { model: $('#transcription-model').value, client }
  const transcript = await target.client.streamTranscription({
    model: target.model,
    file,
    maxFileSizeMB: streaming ? undefined : limits.get(target.model),
    signal,
    headers: { ...(streaming ? PACED : {}), ...testHeaders() },
  })
  let text = ''
  $('#transcript').classList.add('is-growing')
  for await (const piece of transcript.textStream) {
    text += piece
    $('#transcript').textContent = text
    $('#transcription-output').hidden = false
  }
  $('#transcript').classList.remove('is-growing')
  return transcript.final
}

async function transcribe(file) {
  upload?.abort()
  const controller = new AbortController()
  upload = controller
  const progress = $('#upload-progress')
  const label = $('#progress-label')
  // A new attempt clears what it replaces; the bar appears with the first upload event, so a
  // file refused before the network never shows "Uploading…".
  $('#progress-block').hidden = true
  $('#transcription-error').hidden = true
  $('#transcription-output').hidden = true
  delete $('#transcript').dataset.final
  try {
    const model = $('#transcription-model').value
    const result = $('#transcription-stream').checked ? await transcribeStreamed(file, controller.signal) : await client.transcription({
      model,
      file,
      maxFileSizeMB: limits.get(model),
      signal: controller.signal,
      headers: testHeaders(),
      onUploadProgress({ percent, loaded, total }) {
        $('#progress-block').hidden = false
        $('#cancel-upload').hidden = false
        progress.value = percent
        label.textContent = percent < 100 ? `Uploading… ${percent}% · ${megabytes(loaded)} of ${megabytes(total)}` : 'Uploaded · transcribing…'
      },
    })
    progress.value = 100
    label.textContent = 'Uploaded and transcribed'
    $('#transcript').textContent = result.text
    $('#transcript').dataset.final = 'true'
    $('#transcription-output').hidden = false
  } catch (error) {
    if (isAbortError(error)) {
      if (upload === controller) label.textContent = 'Cancelled'
      return
    }
    $('#progress-block').hidden = true
    showError($('#transcription-error'), error)
  } finally {
    if (upload === controller) {
      upload = undefined
      $('#cancel-upload').hidden = true
    }
  }
}

$('#cancel-upload').addEventListener('click', () => upload?.abort())
$('#file-input').addEventListener('change', (event) => {
  const file = event.target.files[0]
  event.target.value = ''
  if (file) transcribe(file)
})
const dropZone = $('#drop-zone')
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault()
  dropZone.classList.add('is-dragging')
})
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('is-dragging'))
dropZone.addEventListener('drop', (event) => {
  event.preventDefault()
  dropZone.classList.remove('is-dragging')
  const file = event.dataTransfer.files[0]
  if (file) transcribe(file)
})

// ── Recording: microphone → File → the same transcription ──

const recorder = typeof MediaRecorder === 'function' && navigator.mediaDevices ? createRecorder({ stopOnSilence: false }) : undefined
if (!recorder) {
  $('#record').disabled = true
  $('#record-label').textContent = 'This browser cannot record here (it needs https or localhost)'
}
recorder?.subscribe(() => {
  const state = recorder.getSnapshot()
  const recording = state.status === 'recording'
  $('#record').classList.toggle('is-recording', recording)
  $('#record').disabled = state.status === 'starting'
  $('#record-label').textContent = recording
    ? `Stop · ${(state.durationMs / 1000).toFixed(1)} s`
    : state.status === 'starting' ? 'Asking for the microphone…' : 'Record from microphone'
  $('#record-level').hidden = !recording
  if (recording) $('#record-level').value = Math.round(state.level * 100)
  if (state.status === 'error') showError($('#transcription-error'), state.error)
})
$('#record').addEventListener('click', () => {
  if (recorder.getSnapshot().status === 'recording') return recorder.stop()
  const limit = limits.get($('#transcription-model').value)
  recorder.start({ maxFileSizeMB: limit }).then(transcribe, (error) => {
    if (!isAbortError(error)) showError($('#transcription-error'), error)
  })
})
