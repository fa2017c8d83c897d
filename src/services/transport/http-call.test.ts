import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CallError } from './call-error'
import { createHttpCall } from './http-call'

/** A stand-in for the local host: echoes what it received, or answers 401 without a token. */
function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      if (!req.headers.authorization) {
        res.statusCode = 401
        res.end(JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'no token' } }))
        return
      }
      res.end(
        JSON.stringify({ ok: true, data: { path: req.url, auth: req.headers.authorization, event: JSON.parse(raw) } }),
      )
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) })
    }),
  )
}

describe('createHttpCall', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  it('should post the action and input to /api/<fn> with the bearer token', async () => {
    const call = createHttpCall({ baseUrl: server.url, getToken: () => 'tok-1', fetch })
    const data = await call<{ path: string; auth: string; event: unknown }>('users', 'updateProfile', { name: '王芳' })
    expect(data).toEqual({ path: '/api/users', auth: 'Bearer tok-1', event: { name: '王芳', action: 'updateProfile' } })
  })

  it('should reject with UNAUTHORIZED and call onUnauthorized when there is no token', async () => {
    let redirected = 0
    const call = createHttpCall({
      baseUrl: server.url,
      getToken: () => null,
      fetch,
      onUnauthorized: () => redirected++,
    })
    await expect(call('users', 'me')).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: '请先登录' })
    expect(redirected).toBe(1)
  })

  it('should reject with NETWORK when the host cannot be reached', async () => {
    const call = createHttpCall({ baseUrl: 'http://127.0.0.1:9', getToken: () => 't', fetch })
    const error = await call('users', 'me').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallError)
    expect((error as CallError).code).toBe('NETWORK')
    expect((error as CallError).message).toBe('网络不太好，请稍后再试')
  })
})
