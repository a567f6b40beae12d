// voxfetch without a framework or a bundler: plain modules, the platform's elements, one client.
// `/vendor/voxfetch/` is the package's browser build (`voxfetch/browser`, dist/browser/), one
// self-contained ESM file per entry, as unpkg or jsDelivr would serve it: no import map needed.
import { createClient, isAbortError } from '/vendor/voxfetch/index.js'

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

/** The voice and format lists offer what the chosen model can do, keeping a choice it still offers. */
function followModel() {
  const model = speechModels.get($('#speech-model').value)
  if (!model) return
  for (const [select, values] of [[$('#speech-voice'), model.voices], [$('#speech-format'), ['auto', ...model.formats]]]) {
    const kept = values.includes(select.value) ? select.value : values[0]
    select.replaceChildren(...values.map((value) => new Option(value)))
    select.value = kept
  }
}
$('#speech-model').addEventListener('change', followModel)

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

// ── Speech: text → blob → <audio>, one object URL at a time ──

let audioURL
$('#speech-form').addEventListener('submit', async (event) => {
  event.preventDefault()
  const button = $('#speech-form button[type=submit]')
  button.disabled = true
  button.textContent = 'Speaking…'
  // A new attempt clears what it replaces.
  $('#speech-error').hidden = true
  $('#speech-output').hidden = true
  try {
    // 'auto' sends no response_format: the model behind a proxy alias picks.
    const requested = $('#speech-format').value
    const audio = await client.speech({
      model: $('#speech-model').value,
      input: $('#speech-text').value,
      voice: $('#speech-voice').value,
      response_format: requested === 'auto' ? undefined : requested,
      headers: testHeaders(),
    })
    const blob = await audio.blob()
    // The previous clip's URL is released before the next one is made.
    if (audioURL) URL.revokeObjectURL(audioURL)
    audioURL = URL.createObjectURL(blob)
    $('#speech-audio').src = audioURL
    $('#speech-meta').replaceChildren(...items([audio.mediaType, `${(blob.size / 1024).toFixed(1)} KB`]))
    const received = /wav/.test(audio.mediaType) ? 'wav' : /mpeg/.test(audio.mediaType) ? 'mp3' : /flac/.test(audio.mediaType) ? 'flac' : requested
    const warnings = [
      ...(requested !== 'auto' && received !== requested ? [`response_format: asked for ${requested}, the server sent ${received}`] : []),
      ...audio.warnings.map(({ option, message }) => `${option}: ${message}`),
    ]
    $('#speech-warnings').replaceChildren(...items(warnings))
    $('#speech-warnings').hidden = warnings.length === 0
    $('#speech-output').hidden = false
  } catch (error) {
    showError($('#speech-error'), error)
  } finally {
    button.disabled = false
    button.textContent = 'Speak'
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
