/**
 * The AudioWorklet processor that hands the microphone's samples to the page: channels mixed to
 * mono, posted in blocks of `PCM_WORKLET_BLOCK` frames (the render quantum is 128; a message per quantum
 * would be ~375 a second). Kept as source text so the package needs no separate worklet file: it
 * loads from a blob: URL.
 */
export const PCM_WORKLET_NAME = 'voxfetch-pcm-capture'
export const PCM_WORKLET_BLOCK = 2048

// Plain text, no substitutions: a template with `${…}` at the top level is code a bundler must keep,
// even on pages that never capture.
const SOURCE = `
class PcmCapture extends AudioWorkletProcessor {
  constructor() {
    super()
    this.block = new Float32Array(BLOCK)
    this.filled = 0
    this.port.onmessage = () => {
      this.port.postMessage(this.block.slice(0, this.filled))
      this.filled = 0
    }
  }
  process(inputs) {
    const channels = inputs[0]
    if (!channels || channels.length === 0) return true
    const frames = channels[0].length
    for (let frame = 0; frame < frames; frame++) {
      let sum = 0
      for (const channel of channels) sum += channel[frame]
      this.block[this.filled++] = sum / channels.length
      if (this.filled === this.block.length) {
        this.port.postMessage(this.block)
        this.block = new Float32Array(BLOCK)
        this.filled = 0
      }
    }
    return true
  }
}
registerProcessor(NAME, PcmCapture)
`

/**
 * Adds the processor to `context`; rejects where a worklet cannot load (no `audioWorklet`, an
 * insecure context, or a CSP without `blob:` in `script-src`).
 */
export async function loadPcmWorklet(context: AudioContext): Promise<void> {
  if (!context.audioWorklet) throw new Error('AudioWorklet is not available')
  const source = `const BLOCK = ${PCM_WORKLET_BLOCK}, NAME = '${PCM_WORKLET_NAME}'\n${SOURCE}`
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
  try {
    await context.audioWorklet.addModule(url)
  } finally {
    URL.revokeObjectURL(url)
  }
}
