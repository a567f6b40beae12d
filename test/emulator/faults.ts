import { setTimeout as sleep } from 'node:timers/promises'
import { trimTable } from './bounded.ts'
import { findModel } from './config.ts'
import type { RequestContext } from './context.ts'
import { sendStatusError } from './errors.ts'
import { pythonRepr } from './python-repr.ts'
import { deliver, sendJson } from './respond.ts'

export type FaultKind =
  | 'status' | 'reset-before-headers' | 'reset-mid-body' | 'slow-headers' | 'slow-body' | 'html-error'
  | 'malformed-json' | 'mislabel' | 'no-content-type' | 'octet-stream' | 'size-error' | 'redirect' | 'revoke-token'

export interface Fault {
  spec: string
  kind: FaultKind
  status?: number
  ms?: number
  retryAfter?: 'seconds' | 'date' | 'ms'
}

const STATUS_FAULTS = [401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504]
const PLAIN_FAULTS: FaultKind[] = [
  'reset-before-headers', 'reset-mid-body', 'html-error', 'malformed-json', 'mislabel',
  'no-content-type', 'octet-stream', 'redirect', 'revoke-token',
]

/** Parses an `x-emulator-fault` spec; undefined when it names no known fault. */
export function parseFault(spec: string): Fault | undefined {
  const text = spec.trim().toLowerCase()
  if (text === '429-date') return { spec, kind: 'status', status: 429, retryAfter: 'date' }
  if (text === '429-ms') return { spec, kind: 'status', status: 429, retryAfter: 'ms' }
  if (/^\d{3}$/.test(text) && STATUS_FAULTS.includes(Number(text))) {
    return { spec, kind: 'status', status: Number(text), ...(text === '429' ? { retryAfter: 'seconds' as const } : {}) }
  }
  const size = /^size-error-(400|500)$/.exec(text)
  if (size) return { spec, kind: 'size-error', status: Number(size[1]) }
  const slow = /^slow-(headers|body):(\d+)$/.exec(text)
  if (slow) return { spec, kind: slow[1] === 'headers' ? 'slow-headers' : 'slow-body', ms: Number(slow[2]) }
  return PLAIN_FAULTS.includes(text as FaultKind) ? { spec, kind: text as FaultKind } : undefined
}

/**
 * The fault this request carries: the `x-emulator-fault` header, else the model's
 * `model_info.emulator_fault`. With `x-emulator-fault-times: N` and an `x-emulator-scenario`
 * id, only the first N requests of that scenario get it (`revoke-token` defaults to once).
 */
export function decideFault(context: RequestContext): Fault | 'invalid' | undefined {
  const byInput = context.request.headers['x-emulator-fault-by-input']
  const header = typeof byInput === 'string' ? faultForInput(byInput, requestInput(context)) : context.request.headers['x-emulator-fault']
  const entry = context.persona === 'proxy' ? findModel(context.state.config, requestedModel(context)) : undefined
  const spec = typeof header === 'string' ? header : entry?.model_info?.emulator_fault
  if (!spec) return undefined
  if (spec === 'invalid') return 'invalid'
  const fault = parseFault(spec)
  if (!fault) return 'invalid'
  if (fault.kind === 'redirect' && context.url.searchParams.get('redirected') === '1') return undefined
  const timesHeader = context.request.headers['x-emulator-fault-times']
  const times = typeof timesHeader === 'string' ? Number(timesHeader)
    : typeof header === 'string' ? undefined : entry?.model_info?.emulator_fault_times
  const scenario = context.request.headers['x-emulator-scenario']
  const limit = times ?? (fault.kind === 'revoke-token' ? 1 : undefined)
  if (limit === undefined || Number.isNaN(limit)) return fault
  if (typeof scenario !== 'string' && fault.kind !== 'revoke-token') return fault
  const key = `${typeof scenario === 'string' ? scenario : ''}|${fault.spec}`
  const used = context.state.faultCounters.get(key) ?? 0
  if (used >= limit) return undefined
  context.state.faultCounters.set(key, used + 1)
  trimTable(context.state.faultCounters)
  return fault
}

/**
 * TEST HARNESS: `x-emulator-fault-by-input: {"<text>": "<fault>"}` gives a speech request the
 * fault of the first key its `input` contains (none when no key matches), so one piece of a
 * streamed text can be slowed or failed while the others are not; `'invalid'` for bad JSON.
 */
function faultForInput(spec: string, input: unknown): string | 'invalid' | undefined {
  let table: unknown
  try {
    table = JSON.parse(spec)
  } catch {
    return 'invalid'
  }
  if (typeof table !== 'object' || table === null || typeof input !== 'string') return undefined
  const match = Object.entries(table).find(([text, fault]) => typeof fault === 'string' && input.includes(text))
  return match?.[1] as string | undefined
}

function requestInput(context: RequestContext): unknown {
  const json = context.body.json
  return json && typeof json === 'object' && 'input' in json ? (json as { input: unknown }).input : undefined
}

function requestedModel(context: RequestContext): unknown {
  const json = context.body.json
  if (json && typeof json === 'object' && 'model' in json) return (json as { model: unknown }).model
  return context.body.fields?.model
}

const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

/** Applies faults that replace the answer; true when the request is fully handled. */
export async function applyEarlyFault(context: RequestContext): Promise<boolean> {
  const fault = context.fault
  if (!fault) return false
  const { response } = context
  switch (fault.kind) {
    case 'status': {
      const status = fault.status ?? 500
      sendStatusError(context, status, faultMessage(status), retryHeaders(fault))
      return true
    }
    case 'reset-before-headers':
      context.request.socket.destroy()
      return true
    case 'slow-headers':
      await sleep(fault.ms ?? 0)
      return response.destroyed
    case 'html-error':
      await deliver(context, { status: 502, contentType: 'text/html', chunks: [Buffer.from(NGINX_502)], contentLength: true })
      return true
    case 'malformed-json':
      await deliver(context, {
        status: 500, contentType: 'application/json', contentLength: true,
        chunks: [Buffer.from('{"error": {"message": "Internal server error", "type": "server_err')],
      })
      return true
    case 'size-error': {
      const bytes = context.body.file?.size ?? context.body.bytes
      sendJson(context, fault.status ?? 500, fileSizeError(bytes, 1, fault.status ?? 500))
      return true
    }
    case 'redirect': {
      const target = new URL(context.url.pathname + context.url.search, context.state.url)
      target.searchParams.set('redirected', '1')
      await deliver(context, { status: 307, headers: { location: target.href }, chunks: [], contentLength: true })
      return true
    }
    case 'revoke-token':
      if (context.persona === 'vertex-tts' || context.persona === 'vertex-gemini') return false
      sendStatusError(context, 401, faultMessage(401))
      return true
    default:
      return false
  }
}

/**
 * The proxy's exact answer when an upload exceeds `max_file_size_mb`.
 * BerriAI/litellm litellm/proxy/common_utils/http_parsing_utils.py (check_file_size_under_limit):
 * the message is an f-string of `file.size / (1024 * 1024)` and the deployment's
 * `max_file_size_mb`, both Python floats (litellm/types/router.py types the limit `float`, so a
 * YAML `1` prints `1.0`). litellm/proxy/_types.py (ProxyException): `self.code = str(code)`, and
 * `to_dict` serializes that string, so `code` is `"500"`, never a number.
 */
export function fileSizeError(bytes: number, maxMb: number, status: number) {
  return {
    error: {
      message: `File size is too large. Please check your file size. Passed file size: ${pythonRepr(bytes / (1024 * 1024))} MB. Max file size: ${pythonRepr(maxMb)} MB`,
      type: 'bad_request',
      param: 'file',
      code: String(status),
    },
  }
}

function retryHeaders(fault: Fault): Record<string, string> {
  if (fault.retryAfter === 'seconds') return { 'retry-after': '1' }
  if (fault.retryAfter === 'date') return { 'retry-after': new Date(Date.now() + 1500).toUTCString() }
  if (fault.retryAfter === 'ms') return { 'retry-after-ms': '150', 'retry-after': '1' }
  return {}
}

const FAULT_TEXT: Record<number, string> = {
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 408: 'Request timed out', 409: 'Conflict',
  413: 'Request entity too large', 429: 'Rate limit reached, retry later', 500: 'Internal server error',
  502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout',
}

function faultMessage(status: number): string {
  return `${FAULT_TEXT[status] ?? 'Error'} (emulated fault ${status} from x-emulator-fault)`
}
