import type { MultipartForm } from './multipart.ts'

/** A request as plain data: what provider builders produce and tests compare exactly. */
export interface HttpRequest {
  url: string
  method: 'POST'
  headers: Record<string, string>
  body: string | MultipartForm
}
