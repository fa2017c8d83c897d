import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Envelope, ErrorCode } from '../types/envelope'
import { HTTP_STATUS } from '../types/envelope'

/** Thrown by readBody when a request body is larger than the route allows. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/**
 * Reads a whole request body, giving up as soon as it passes `limit` bytes so a client
 * cannot make the host buffer an arbitrary amount of memory.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    return Promise.reject(new BodyTooLargeError(limit))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let failed = false
    req.on('data', (chunk: Buffer) => {
      if (failed) return
      size += chunk.length
      if (size > limit) {
        failed = true
        // Keep draining so the response can still be written on this connection.
        reject(new BodyTooLargeError(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      // A small JSON body is one chunk: no copy needed.
      if (!failed) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
    })
    req.on('error', (err) => {
      if (!failed) reject(err)
    })
  })
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  // Encoded once: the length is the bytes', and the socket writes them as they are (a string
  // answer with Chinese in it was measured by UTF-8 for the header, then encoded again).
  const bytes = Buffer.from(JSON.stringify(body))
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(bytes)
}

/** Answers an envelope with the HTTP status that matches its error code (200 when ok). */
export function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>, headers?: Record<string, string>): void {
  sendJson(res, envelope.ok ? 200 : HTTP_STATUS[envelope.error.code], envelope, headers)
}

export function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } }
}
