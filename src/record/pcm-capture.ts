import { RecorderError, toRecorderError } from './error.ts'
import { levelOf } from './input-level.ts'
import { loadPcmWorklet, PCM_WORKLET_BLOCK, PCM_WORKLET_NAME } from './pcm-worklet.ts'
import { createResampler } from './resampler.ts'

export interface PcmCaptureOptions {
  /** getUserMedia audio constraints. @default true */
  audio?: boolean | MediaTrackConstraints
  /** The rate of the samples handed out: 16 kHz suits every transcriber; `'native'` keeps the device's. @default 16000 */
  sampleRate?: number | 'native'
  /** Receives the microphone's samples (mono, -1..1, at `sampleRate`) in order, a few tens of ms at a time. */
  onSamples(samples: Float32Array): void
  /** The microphone stopped by itself (unplugged, revoked): the capture is over and released. */
  onEnded?(error: RecorderError): void
  /**
   * The microphone's stream, as soon as it is granted and before the audio graph is built, for
   * another consumer (MediaRecorder) to start with the capture; its tracks end with the capture.
   * If it throws, the capture is released and fails with that error.
   */
  onStream?(stream: MediaStream): void
  /** Aborting while the microphone is being asked for releases it as soon as it is granted. */
  signal?: AbortSignal
}

export interface PcmCapture {
  /** Samples per second of what `onSamples` receives. */
  readonly sampleRate: number
  /** `'worklet'`, or `'script-processor'` where an AudioWorklet could not load. */
  readonly method: 'worklet' | 'script-processor'
  /** Input level of the latest block, 0..1 (see `InputLevel.read`). */
  level(): number
  /** Hands out the samples still in flight, then releases the microphone and the audio graph. */
  stop(): Promise<void>
  /** Releases the microphone and the audio graph at once; samples in flight are dropped. */
  close(): void
}

/**
 * Captures the microphone as PCM, so a recording can be cut at any sample (MediaRecorder's
 * chunks cannot: only the first carries the container header). `context` must be made while
 * still in the user's gesture (see `createMeterContext`); the capture closes it when done.
 */
export async function capturePcm(context: AudioContext | undefined, options: PcmCaptureOptions): Promise<PcmCapture> {
  const media = globalThis.navigator?.mediaDevices
  if (!media?.getUserMedia || !context) {
    if (context && context.state !== 'closed') context.close().catch(() => {})
    throw new RecorderError('not-supported', 'Capturing audio needs getUserMedia and Web Audio (a browser, on https or localhost)')
  }
  const closeContext = () => {
    if (context.state !== 'closed') context.close().catch(() => {})
  }
  const cancelled = () => new DOMException('The recording was cancelled.', 'AbortError')
  if (options.signal?.aborted) {
    closeContext()
    throw cancelled()
  }
  const stream = await media.getUserMedia({ audio: options.audio ?? true }).catch((error: unknown) => {
    closeContext()
    throw toRecorderError(error)
  })
  const tracks = stream.getTracks()
  const release = () => {
    for (const track of tracks) track.stop()
    closeContext()
  }
  if (options.signal?.aborted) {
    release()
    throw cancelled()
  }
  try {
    options.onStream?.(stream)
  } catch (error) {
    release()
    throw error
  }

  const targetRate = options.sampleRate === 'native' ? context.sampleRate : (options.sampleRate ?? 16_000)
  const resampler = createResampler(context.sampleRate, targetRate)
  let latestLevel = 0
  let open = true
  const receive = (block: Float32Array) => {
    if (!open || block.length === 0) return
    latestLevel = levelOf(block)
    const samples = resampler.push(block)
    if (samples.length) options.onSamples(samples)
  }

  const source = context.createMediaStreamSource(stream)
  // Nodes are only pulled when they lead to the destination: through a muted gain, so nothing is heard.
  const mute = context.createGain()
  mute.gain.value = 0
  mute.connect(context.destination)
  let flushBlock: () => Promise<void>
  let method: PcmCapture['method']
  try {
    await loadPcmWorklet(context)
    const node = new AudioWorkletNode(context, PCM_WORKLET_NAME, { numberOfOutputs: 1 })
    let flushed: (() => void) | undefined
    node.port.onmessage = (event: MessageEvent<Float32Array>) => {
      receive(event.data)
      if (flushed && event.data.length < PCM_WORKLET_BLOCK) flushed()
    }
    source.connect(node).connect(mute)
    method = 'worklet'
    // The processor answers any message with the part block it holds (shorter than a full block).
    flushBlock = () => new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 500)
      flushed = () => {
        clearTimeout(timer)
        resolve()
      }
      node.port.postMessage('flush')
    })
  } catch {
    // A worklet cannot load here (no AudioWorklet, or a CSP refusing blob: scripts).
    const node = context.createScriptProcessor(4096, 2, 1)
    node.onaudioprocess = (event) => {
      const input = event.inputBuffer
      const mono = new Float32Array(input.length)
      for (let channel = 0; channel < input.numberOfChannels; channel++) {
        const data = input.getChannelData(channel)
        for (let index = 0; index < mono.length; index++) mono[index]! += data[index]! / input.numberOfChannels
      }
      receive(mono)
    }
    source.connect(node).connect(mute)
    method = 'script-processor'
    flushBlock = () => Promise.resolve()
  }
  if (context.state === 'suspended') context.resume().catch(() => {})

  const close = () => {
    if (!open) return
    open = false
    source.disconnect()
    release()
  }
  for (const track of tracks) {
    track.addEventListener('ended', () => {
      if (!open) return
      close()
      options.onEnded?.(new RecorderError('failed', 'The microphone stopped (unplugged or revoked)'))
    })
  }
  return {
    sampleRate: targetRate,
    method,
    level: () => latestLevel,
    async stop() {
      if (!open) return
      await flushBlock()
      if (!open) return
      const tail = resampler.flush()
      if (tail.length) options.onSamples(tail)
      close()
    },
    close,
  }
}
