import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { get, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import path from 'node:path'
import { notify } from '../cloudfunctions/core/outbox'
import { FILE_URL_TTL_MS, signFileUrl } from '../cloudfunctions/core/file-urls'
import { createHost, MAX_JSON_BYTES, type Host, type HostOptions } from './server'
import { signToken } from './token'

const SECRET = 'http-test-secret'
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a png')])
const GIF = Buffer.from('GIF89a not allowed here')

interface Started {
  host: Host
  url: string
  lines: string[]
  work: string
}

const VENDORS = 'export function f(){return "民呼我行"}\n'.repeat(2000)

/** A GET that shows the bytes as sent (fetch would undo the compression). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

async function start(overrides: Partial<HostOptions> = {}): Promise<Started> {
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-host-test-'))
  const h5Dir = path.join(work, 'h5')
  mkdirSync(path.join(h5Dir, 'js'), { recursive: true })
  writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>民呼我行</title><div id="app"></div>')
  writeFileSync(path.join(h5Dir, 'js', 'app.1a2b3c4d.js'), 'console.log("app")')
  writeFileSync(path.join(h5Dir, 'js', 'vendors.0f0e0d0c.js'), VENDORS)
  writeFileSync(path.join(h5Dir, 'favicon.ico'), 'icon')
  const lines: string[] = []
  const host = createHost({
    dbFile: ':memory:',
    devMode: true,
    secret: SECRET,
    h5Dir,
    dataDir: work,
    sweepIntervalMs: 0,
    log: (line) => lines.push(line),
    quiet: true,
    ...overrides,
  })
  const url = await host.listen(0)
  return { host, url, lines, work }
}

async function stop(s: Started): Promise<void> {
  await s.host.close()
  rmSync(s.work, { recursive: true, force: true })
}

function post(url: string, body: unknown, token?: string, raw?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  return fetch(url, { method: 'POST', headers, body: raw ?? JSON.stringify(body) })
}

describe('host', () => {
  let s: Started
  beforeAll(async () => {
    s = await start()
  })
  afterAll(() => stop(s))

  describe('POST /api/<function>', () => {
    it('should answer the envelope with 200 for a signed-in call', async () => {
      const res = await post(`${s.url}/api/users`, { action: 'me' }, signToken('alice', SECRET))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      const body = await res.json()
      expect(body).toMatchObject({ ok: true, data: { openid: 'alice' } })
    })

    it('should answer a call whose path carries a query as the same call', async () => {
      const res = await post(`${s.url}/api/users?from=test`, { action: 'me' }, signToken('alice', SECRET))
      expect(await res.json()).toMatchObject({ ok: true, data: { openid: 'alice' } })
    })

    it('should take the caller from the token, never from an openid in the event', async () => {
      const res = await post(`${s.url}/api/users`, { action: 'me', openid: 'demo-admin' }, signToken('bob', SECRET))
      const body = await res.json()
      expect(body.ok).toBe(true)
      expect(body.data.openid).toBe('bob')
      expect(body.data.roles).toEqual([])
    })

    it('should answer 401 when a signed-in action is called with an openid but no token', async () => {
      const res = await post(`${s.url}/api/users`, { action: 'me', openid: 'demo-admin' })
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('UNAUTHORIZED')
    })

    it('should answer 401 for a token whose payload was changed', async () => {
      const [, signature] = signToken('alice', SECRET).split('.')
      const forged = Buffer.from(JSON.stringify({ sub: 'demo-admin', exp: 4102444800 })).toString('base64url')
      const res = await post(`${s.url}/api/users`, { action: 'me' }, `${forged}.${signature}`)
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } })
    })

    it('should answer 401 for an expired token', async () => {
      const token = signToken('alice', SECRET, { now: new Date(Date.now() - 3600_000), ttlSeconds: 60 })
      const res = await post(`${s.url}/api/users`, { action: 'me' }, token)
      expect(res.status).toBe(401)
    })

    it('should answer 401 for a token signed with another secret', async () => {
      const res = await post(`${s.url}/api/users`, { action: 'me' }, signToken('alice', 'not-the-secret'))
      expect(res.status).toBe(401)
    })

    it('should answer 400 with the issues for a bad input, and change nothing', async () => {
      const token = signToken('carol', SECRET)
      const res = await post(`${s.url}/api/users`, { action: 'updateProfile', phone: '12345' }, token)
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.error.code).toBe('BAD_REQUEST')
      expect(body.error.issues).toEqual([expect.objectContaining({ path: ['phone'] })])
      const me = await (await post(`${s.url}/api/users`, { action: 'me' }, token)).json()
      expect(me.data.phone).toBeNull()
    })

    it('should answer 400 for an unknown action', async () => {
      const res = await post(`${s.url}/api/users`, { action: 'dropDatabase' }, signToken('alice', SECRET))
      expect(res.status).toBe(400)
      expect((await res.json()).error.code).toBe('BAD_REQUEST')
    })

    it('should answer 403 for an action the caller has no role for', async () => {
      const res = await post(
        `${s.url}/api/users`,
        { action: 'assignRole', ref: '0'.repeat(32), role: 'admin', unitId: 'anything' },
        signToken('alice', SECRET),
      )
      expect(res.status).toBe(403)
      expect((await res.json()).error.code).toBe('FORBIDDEN')
    })

    it('should answer 404 for a function that does not exist', async () => {
      for (const name of ['nope', 'constructor', '__proto__', 'hasOwnProperty']) {
        const res = await post(`${s.url}/api/${name}`, { action: 'me' })
        expect(res.status).toBe(404)
        expect((await res.json()).error.code).toBe('NOT_FOUND')
      }
    })

    it('should answer 400 for malformed JSON', async () => {
      const res = await post(`${s.url}/api/users`, null, signToken('alice', SECRET), '{"action": "me"')
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: '请求格式不正确' } })
    })

    it('should answer 413 for a body over the limit', async () => {
      const big = JSON.stringify({ action: 'me', pad: 'x'.repeat(MAX_JSON_BYTES) })
      const res = await post(`${s.url}/api/users`, null, signToken('alice', SECRET), big)
      expect(res.status).toBe(413)
      expect((await res.json()).error.code).toBe('BAD_REQUEST')
    })

    it('should answer 405 for a GET', async () => {
      const res = await fetch(`${s.url}/api/users`)
      expect(res.status).toBe(405)
    })
  })

  describe('dev routes', () => {
    it('should give a token that signs the caller in', async () => {
      const res = await post(`${s.url}/api/dev/login`, { openid: 'demo-resident-1' })
      expect(res.status).toBe(200)
      const { data } = await res.json()
      const me = await (await post(`${s.url}/api/users`, { action: 'me' }, data.token)).json()
      expect(me.data.openid).toBe('demo-resident-1')
    })

    it('should refuse a malformed openid', async () => {
      const res = await post(`${s.url}/api/dev/login`, { openid: '../../x' })
      expect(res.status).toBe(400)
    })

    it('should list what the messaging port would have sent', async () => {
      await s.host.runtime.messaging.sendSubscribe({
        touser: 'demo-resident-1',
        templateId: 'tmpl-case-resolved',
        data: { thing1: { value: '路灯不亮' } },
      })
      const res = await fetch(`${s.url}/api/dev/messages`)
      expect(res.status).toBe(200)
      const body = await res.json()
      expect(body.data.messages).toEqual([
        expect.objectContaining({ touser: 'demo-resident-1', templateId: 'tmpl-case-resolved' }),
      ])
    })
  })

  describe('uploads', () => {
    it('should store a png and serve it back at its url', async () => {
      const res = await fetch(`${s.url}/api/upload`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${signToken('alice', SECRET)}` },
        body: PNG,
      })
      expect(res.status).toBe(200)
      const { data } = await res.json()
      expect(data.fileId).toMatch(/^local:.+\.png$/)
      const file = await fetch(`${s.url}${data.url}`)
      expect(file.status).toBe(200)
      expect(file.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG)
    })

    it('should record who uploaded a photo, so only they can attach it', async () => {
      const res = await fetch(`${s.url}/api/upload`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${signToken('alice', SECRET)}` },
        body: PNG,
      })
      const { data } = await res.json()
      const { data: docs } = await s.host.runtime.db.collection('uploads').doc(data.fileId).get()
      expect((docs as Array<{ openid: string }>).map((d) => d.openid)).toEqual(['alice'])
    })

    it('should take the photo out of a multipart form as Taro.uploadFile sends it', async () => {
      const form = new FormData()
      form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png')
      const res = await fetch(`${s.url}/api/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${signToken('alice', SECRET)}` },
        body: form,
      })
      expect(res.status).toBe(200)
      const { data } = await res.json()
      expect(Buffer.from(await (await fetch(`${s.url}${data.url}`)).arrayBuffer())).toEqual(PNG)
    })

    it('should refuse an upload without a valid token', async () => {
      const res = await fetch(`${s.url}/api/upload`, {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: PNG,
      })
      expect(res.status).toBe(401)
    })

    it('should refuse a file that is not jpeg, png or webp, whatever it claims to be', async () => {
      const res = await fetch(`${s.url}/api/upload`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${signToken('alice', SECRET)}` },
        body: GIF,
      })
      expect(res.status).toBe(415)
      expect((await res.json()).error.message).toContain('JPG')
    })

    it('should refuse a photo over 5MB', async () => {
      const huge = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)])
      const res = await fetch(`${s.url}/api/upload`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${signToken('alice', SECRET)}` },
        body: huge,
      })
      expect(res.status).toBe(413)
    })

    it('should take an Excel sheet with ?kind=sheet and refuse a photo there, and a sheet as a photo', async () => {
      const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)])
      const auth = { authorization: `Bearer ${signToken('alice', SECRET)}` }
      const sheet = await fetch(`${s.url}/api/upload?kind=sheet`, { method: 'POST', headers: auth, body: XLSX })
      expect(sheet.status).toBe(200)
      expect((await sheet.json()).data.fileId).toMatch(/^local:.+\.xlsx$/)
      const photo = await fetch(`${s.url}/api/upload?kind=sheet`, { method: 'POST', headers: auth, body: PNG })
      expect(photo.status).toBe(415)
      expect((await photo.json()).error.message).toBe(
        '只能上传 Excel 表格（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后再上传',
      )
      expect((await fetch(`${s.url}/api/upload`, { method: 'POST', headers: auth, body: XLSX })).status).toBe(415)
    })

    it('should refuse a sheet over 5MB', async () => {
      const huge = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(10 * 1024 * 1024)])
      const res = await fetch(`${s.url}/api/upload?kind=sheet`, {
        method: 'POST',
        headers: { authorization: `Bearer ${signToken('alice', SECRET)}` },
        body: huge,
      })
      expect(res.status).toBe(413)
      expect((await res.json()).error.message).toBe('表格文件不能超过 5MB，请分成几个文件导入')
    })

    it('should take a PDF with ?kind=pdf, serve it as a PDF, and refuse a photo there', async () => {
      const auth = { authorization: `Bearer ${signToken('alice', SECRET)}` }
      const pdf = await fetch(`${s.url}/api/upload?kind=pdf`, {
        method: 'POST',
        headers: auth,
        body: Buffer.from('%PDF-1.7\n%%EOF\n'),
      })
      expect(pdf.status).toBe(200)
      const { fileId, url } = (await pdf.json()).data
      expect(fileId).toMatch(/^local:.+\.pdf$/)
      expect((await fetch(new URL(url, s.url))).headers.get('content-type')).toBe('application/pdf')
      const photo = await fetch(`${s.url}/api/upload?kind=pdf`, { method: 'POST', headers: auth, body: PNG })
      expect(photo.status).toBe(415)
      expect((await photo.json()).error.message).toBe('附件只能是 PDF 文件，请另存为 PDF 后再上传')
    })

    it('should refuse a 30 MB PDF', async () => {
      const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(30 * 1024 * 1024)])
      const res = await fetch(`${s.url}/api/upload?kind=pdf`, {
        method: 'POST',
        headers: { authorization: `Bearer ${signToken('alice', SECRET)}` },
        body: huge,
      })
      expect(res.status).toBe(413)
      expect((await res.json()).error.message).toBe('附件不能超过 10MB，请压缩后再上传')
    })

    it('should answer 404 for a signed link to a file that is not there or outside the uploads', async () => {
      const now = s.host.runtime.clock.now()
      expect((await fetch(`${s.url}${signFileUrl(SECRET, 'nothing.png', now)}`)).status).toBe(404)
      expect((await fetch(`${s.url}${signFileUrl(SECRET, '../../etc/passwd', now)}`)).status).toBe(404)
    })

    it('should serve a stored photo only through a signed link that has not expired', async () => {
      const res = await fetch(`${s.url}/api/upload`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${signToken('alice', SECRET)}` },
        body: PNG,
      })
      const { data } = await res.json()
      expect(data.url).toMatch(/^\/files\/[^?]+\?expires=\d+&sig=[\w-]+$/)
      const bare = await fetch(`${s.url}${data.url.split('?')[0]}`)
      expect([bare.status, await bare.text()]).toEqual([403, '没有查看这个文件的权限'])
      const tampered = await fetch(
        `${s.url}${data.url.replace(/expires=(\d+)/, (_m: string, e: string) => `expires=${Number(e) + 3600}`)}`,
      )
      expect(tampered.status).toBe(403)
      const key = decodeURIComponent(data.url.slice('/files/'.length).split('?')[0])
      const old = signFileUrl(SECRET, key, new Date(s.host.runtime.clock.now().getTime() - FILE_URL_TTL_MS - 1000))
      const expired = await fetch(`${s.url}${old}`)
      expect([expired.status, await expired.text()]).toEqual([403, '链接已过期，请刷新页面后再看'])
      expect((await fetch(`${s.url}${data.url}`)).status).toBe(200)
    })
  })

  describe('static H5', () => {
    it('should serve index.html at / with no-cache', async () => {
      const res = await fetch(`${s.url}/`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toContain('民呼我行')
    })

    it('should serve hashed bundles as immutable JavaScript', async () => {
      const res = await fetch(`${s.url}/js/app.1a2b3c4d.js`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      expect(res.headers.get('cache-control')).toContain('immutable')
    })

    it('should send text bundles brotli-compressed to a browser that takes brotli, gzip to one that takes only gzip', async () => {
      const br = await rawGet(`${s.url}/js/vendors.0f0e0d0c.js`, { 'accept-encoding': 'gzip, deflate, br' })
      expect(br.headers['content-encoding']).toBe('br')
      expect(br.headers['vary']).toBe('Accept-Encoding')
      expect(br.headers['cache-control']).toContain('immutable')
      expect(Number(br.headers['content-length'])).toBe(br.body.length)
      expect(br.body.length).toBeLessThan(VENDORS.length / 10)
      expect(brotliDecompressSync(br.body).toString()).toBe(VENDORS)
      const gz = await rawGet(`${s.url}/js/vendors.0f0e0d0c.js`, { 'accept-encoding': 'gzip' })
      expect(gz.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(gz.body).toString()).toBe(VENDORS)
    })

    it('should send a bundle as it is to a browser that accepts no compression', async () => {
      const plain = await rawGet(`${s.url}/js/vendors.0f0e0d0c.js`, { 'accept-encoding': 'identity' })
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString()).toBe(VENDORS)
    })

    it('should fall back to index.html for a client-side route', async () => {
      const res = await fetch(`${s.url}/pages/me/index`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<div id="app">')
    })

    it('should answer 404, not the page, for a missing asset', async () => {
      const res = await fetch(`${s.url}/js/missing.js`)
      expect(res.status).toBe(404)
    })

    it('should not serve files outside the H5 build', async () => {
      const res = await fetch(`${s.url}/%2e%2e/%2e%2e/package.json`)
      expect(res.status).toBe(404)
    })
  })

  describe('request log', () => {
    it('should log method, path, status and time, and never the token or the query', async () => {
      const token = signToken('alice', SECRET)
      await post(`${s.url}/api/users?secret=1`, { action: 'me', phone: '13800000000' }, token)
      const line = s.lines.find((l) => l.startsWith('POST /api/users '))
      expect(line).toMatch(/^POST \/api\/users 200 \d+\.\dms$/)
      expect(s.lines.join('\n')).not.toContain(token)
      expect(s.lines.join('\n')).not.toContain('secret=1')
      expect(s.lines.join('\n')).not.toContain('13800000000')
    })
  })
})

describe('host outside development mode', () => {
  let s: Started
  beforeAll(async () => {
    s = await start({ devMode: false })
  })
  afterAll(() => stop(s))

  it('should refuse the dev login with 403', async () => {
    const res = await post(`${s.url}/api/dev/login`, { openid: 'demo-admin' })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('FORBIDDEN')
  })

  it('should refuse the dev inbox with 403', async () => {
    expect((await fetch(`${s.url}/api/dev/messages`)).status).toBe(403)
  })

  it('should still serve signed-in calls', async () => {
    const res = await post(`${s.url}/api/users`, { action: 'me' }, signToken('alice', SECRET))
    expect(res.status).toBe(200)
  })
})

describe('host without an H5 build', () => {
  it('should say how to build it instead of a blank page', async () => {
    const s = await start({ h5Dir: path.join(tmpdir(), 'minhu-no-such-dir') })
    try {
      const res = await fetch(`${s.url}/`)
      expect(res.status).toBe(503)
      expect(await res.text()).toContain('npm run build:h5')
    } finally {
      await stop(s)
    }
  })
})

describe('host sweep loop', () => {
  it('should deliver a queued notification to the inbox without anyone calling the scheduler', async () => {
    const s = await start({ sweepIntervalMs: 20 })
    try {
      const token = signToken('dora', SECRET)
      await notify(
        s.host.runtime.db,
        { dedupeKey: 'host-test:1', openid: 'dora', title: '您的诉求已受理', body: '已转东县门社区办理。' },
        s.host.runtime.clock.now(),
      )
      // Poll as the app would; the loop runs every 20 ms, so this ends long before the jest timeout.
      let titles: string[] = []
      while (!titles.includes('您的诉求已受理')) {
        await new Promise((r) => setTimeout(r, 50))
        const inbox = await (await post(`${s.url}/api/users`, { action: 'inbox' }, token)).json()
        titles = inbox.data.items.map((i: { title: string }) => i.title)
      }
      expect(titles).toEqual(['您的诉求已受理'])
    } finally {
      await stop(s)
    }
  })
})

describe('host.close', () => {
  it('should close with a kept-alive connection open and stop answering', async () => {
    const s = await start()
    await (await fetch(`${s.url}/`)).text()
    await stop(s)
    await expect(fetch(`${s.url}/`)).rejects.toThrow()
  })
})
