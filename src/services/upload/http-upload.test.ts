import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CallError } from '../transport/call-error'
import { createHttpUpload } from './http-upload'

/**
 * A stand-in for the host's `POST /api/upload` and for the browser's temporary picture: GET
 * /tmp/<name> answers picture bytes; POST /api/upload answers what it received, or refuses
 * a body that does not say PNG the way the host refuses other types.
 */
function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (req.method === 'GET') {
        res.end(req.url === '/tmp/ok.png' ? 'PNG-bytes' : 'GIF-bytes')
        return
      }
      const body = Buffer.concat(chunks).toString('latin1')
      res.setHeader('content-type', 'application/json')
      if (!body.includes('PNG-bytes')) {
        res.statusCode = 415
        res.end(
          JSON.stringify({
            ok: false,
            error: { code: 'BAD_REQUEST', message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
          }),
        )
        return
      }
      const multipart = /multipart\/form-data/.test(req.headers['content-type'] ?? '')
      res.end(
        JSON.stringify({
          ok: true,
          data: { fileId: `local:${multipart ? 'form' : 'raw'}.png`, url: String(req.headers.authorization) },
        }),
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

describe('createHttpUpload', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.close())

  it('should post the picture as multipart form data with the bearer token and answer its file id', async () => {
    const upload = createHttpUpload({ baseUrl: server.url, getToken: () => 'tok-1', fetch })
    expect(await upload(`${server.url}/tmp/ok.png`)).toEqual({ fileId: 'local:form.png', url: 'Bearer tok-1' })
  })

  it("should reject with the host's own words when it refuses the picture", async () => {
    const upload = createHttpUpload({ baseUrl: server.url, getToken: () => 'tok-1', fetch })
    const error = await upload(`${server.url}/tmp/bad.gif`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallError)
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: '只能上传 JPG、PNG 或 WebP 格式的照片' })
  })

  it('should reject with NETWORK when the host cannot be reached', async () => {
    const upload = createHttpUpload({ baseUrl: 'http://127.0.0.1:9', getToken: () => null, fetch })
    await expect(upload('http://127.0.0.1:9/tmp/ok.png')).rejects.toMatchObject({
      code: 'NETWORK',
      message: '网络不太好，请稍后再试',
    })
  })
})
