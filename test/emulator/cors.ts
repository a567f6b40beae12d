import type { IncomingMessage, ServerResponse } from 'node:http'

const EXPOSED = [
  'x-litellm-call-id', 'x-litellm-model-id', 'x-litellm-model-group', 'x-litellm-response-cost', 'x-litellm-response-duration-ms',
  'x-litellm-version', 'x-request-id', 'apim-request-id', 'content-type', 'content-length', 'retry-after',
  'retry-after-ms', 'x-should-retry', 'location',
].join(', ')

/** Headers every answer carries so browsers can read status, body and the useful headers. */
export function applyCors(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin
  response.setHeader('access-control-allow-origin', origin ?? '*')
  if (origin) {
    response.setHeader('vary', 'Origin')
    response.setHeader('access-control-allow-credentials', 'true')
  }
  response.setHeader('access-control-expose-headers', EXPOSED)
}

/** Answers a preflight: any method, the requested headers, cached for 10 minutes. */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  const requested = request.headers['access-control-request-headers']
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': requested ?? '*',
    'access-control-max-age': '600',
    'content-length': '0',
  })
  response.end()
}
