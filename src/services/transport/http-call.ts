import { callErrorFrom, CallError, unwrapEnvelope } from './call-error'

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json(): Promise<unknown> }>

export interface HttpCallOptions {
  /** '' for the page's own origin (the host serves the H5 build and the API together). */
  baseUrl: string
  getToken(): string | null
  fetch: FetchLike
  /** Called before rejecting with UNAUTHORIZED, e.g. to send the user to the login page. */
  onUnauthorized?(): void
}

/**
 * The local host's side of the transport: `POST <base>/api/<fn>` with `{action, ...input}`
 * and the bearer token. Kept free of Taro so it can be tested against a real HTTP server.
 */
export function createHttpCall(options: HttpCallOptions) {
  return async function call<T>(fn: string, action: string, input: object = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    const token = options.getToken()
    if (token) headers.authorization = `Bearer ${token}`
    let body: unknown
    try {
      const res = await options.fetch(`${options.baseUrl}/api/${encodeURIComponent(fn)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...input, action }),
      })
      body = await res.json()
    } catch {
      throw callErrorFrom('NETWORK')
    }
    try {
      return unwrapEnvelope<T>(body)
    } catch (error) {
      if (error instanceof CallError && error.code === 'UNAUTHORIZED') options.onUnauthorized?.()
      throw error
    }
  }
}
