import { Blob as NodeBlob } from 'node:buffer'
import { afterEach } from 'vitest'

// Vitest's jsdom environment swaps in jsdom's Blob/File/FormData/XMLHttpRequest but keeps Node's
// fetch and Response. jsdom's Blob lacks `stream()`, which browsers have and which Node's fetch
// and Response need to read a Blob body (XHR answers, uploads). This adds the platform method;
// nothing of voxfetch is replaced.
const CHUNK_BYTES = 64 * 1024
if (typeof Blob !== 'undefined' && typeof Blob.prototype.stream !== 'function') {
  // In chunks of 64 KiB as browsers do, so progress counted on a pulled stream has a grain.
  Blob.prototype.stream = function stream(this: Blob) {
    const blob = this
    let offset = 0
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (offset >= blob.size) return controller.close()
        const end = Math.min(offset + CHUNK_BYTES, blob.size)
        controller.enqueue(new Uint8Array(await blob.slice(offset, end).arrayBuffer()))
        offset = end
      },
    })
  } as Blob['stream']
}

// Vitest's jsdom shim of URL.createObjectURL copies a jsdom Blob into a Node Blob through jsdom's
// private `_buffer`, which jsdom 29 renamed `_bytes`: the URL then holds the text "undefined".
// Same shim, right field, so a blob: URL fetched in a test gives the real bytes back.
const jsdomBytes = (blob: Blob): Uint8Array | undefined => {
  const impl = Object.getOwnPropertySymbols(blob).find((symbol) => symbol.description === 'impl')
  const state = impl && (blob as unknown as Record<symbol, { _bytes?: Uint8Array; _buffer?: Uint8Array }>)[impl]
  return state?._bytes ?? state?._buffer
}
if (typeof document !== 'undefined' && !(new Blob([]) instanceof NodeBlob)) {
  const nodeCreate = Object.getPrototypeOf(URL).createObjectURL as typeof URL.createObjectURL
  URL.createObjectURL = (object) => {
    const bytes = object instanceof Blob ? jsdomBytes(object) : undefined
    return nodeCreate(bytes ? (new NodeBlob([bytes], { type: (object as Blob).type }) as Blob) : object)
  }
}

if (typeof document !== 'undefined') {
  const { cleanup, configure } = await import('@testing-library/react')
  // A cold eSpeak synthesis in the emulator can take about a second.
  configure({ asyncUtilTimeout: 5_000 })
  // Without vitest globals, Testing Library cannot register its own cleanup.
  afterEach(cleanup)
}
