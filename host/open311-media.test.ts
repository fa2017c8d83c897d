import { createMediaFetcher, DEFAULT_MEDIA_FETCH } from './open311-media'
import { startImageServer, TINY_PNG } from './open311-testing'

/* media_url fetching against a real HTTP server on loopback (the only network here). */

let images: Awaited<ReturnType<typeof startImageServer>>
beforeAll(async () => {
  images = await startImageServer({
    '/ok.png': { body: TINY_PNG },
    '/moved': { status: 302, body: '', headers: { location: '/ok.png' } },
    '/loop': { status: 302, body: '', headers: { location: '/loop' } },
    '/page.html': { type: 'text/html', body: '<html>not a photo</html>' },
    '/huge.png': { body: Buffer.concat([TINY_PNG, Buffer.alloc(64 * 1024)]) },
  })
})
afterAll(() => images.close())

// A generous deadline, so a busy machine cannot fail the other cases; the deadline case has its own.
const loopback = createMediaFetcher({
  ...DEFAULT_MEDIA_FETCH,
  allowPrivateNetwork: true,
  maxBytes: 32 * 1024,
  timeoutMs: 10_000,
})

describe('open311 media fetcher', () => {
  it('should fetch a PNG and name its type from its bytes', async () => {
    expect(await loopback(`${images.url}/ok.png`)).toEqual({ ok: true, content: TINY_PNG, extension: 'png' })
  })

  it('should follow a redirect, and give up after three', async () => {
    expect((await loopback(`${images.url}/moved`)).ok).toBe(true)
    expect(await loopback(`${images.url}/loop`)).toEqual({ ok: false, description: 'more than 3 redirects' })
  })

  it.each([
    ['/page.html', 'not a JPEG, PNG or WebP image'],
    ['/huge.png', 'the image is larger than 32 KB'],
    ['/missing.png', 'the server answered HTTP 404'],
  ])('should refuse %s: %s', async (route, description) => {
    expect(await loopback(`${images.url}${route}`)).toEqual({ ok: false, description })
  })

  it('should give up on a server that does not answer in time', async () => {
    const never = await startImageServer({})
    never.server.removeAllListeners('request')
    try {
      const impatient = createMediaFetcher({ ...DEFAULT_MEDIA_FETCH, allowPrivateNetwork: true, timeoutMs: 300 })
      expect(await impatient(`${never.url}/slow.png`)).toEqual({ ok: false, description: 'not fetched within 0.3 s' })
    } finally {
      await never.close()
    }
  })

  it('should refuse loopback and private addresses by default', async () => {
    const strict = createMediaFetcher()
    expect(await strict(`${images.url}/ok.png`)).toEqual({
      ok: false,
      description: 'private addresses are not fetched',
    })
    expect(await strict('http://localhost:9/ok.png')).toEqual({
      ok: false,
      description: 'the host resolves to a private address',
    })
    expect(await strict('http://[::1]:9/ok.png')).toEqual({
      ok: false,
      description: 'private addresses are not fetched',
    })
  })

  it('should refuse a URL that is not http or https', async () => {
    expect(await loopback('file:///etc/passwd')).toEqual({
      ok: false,
      description: 'only http and https URLs are fetched',
    })
  })
})
