import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seedDemo } from '../demo'
import { LIMITS } from './rate-limit'
import { createHost, type Host, type HostOptions } from './server'
import { signToken } from './token'

const SECRET = 'limits-test-secret'
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)])

async function start(overrides: Partial<HostOptions> = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-limits-'))
  const host: Host = createHost({
    dbFile: ':memory:',
    devMode: true,
    secret: SECRET,
    h5Dir: work,
    dataDir: work,
    sweepIntervalMs: 0,
    log: () => undefined,
    quiet: true,
    ...overrides,
  })
  await seedDemo(host.runtime)
  const url = await host.listen(0)
  return {
    host,
    url,
    port: Number(new URL(url).port),
    close: () => host.close().then(() => rmSync(work, { recursive: true, force: true })),
  }
}

const auth = (openid: string) => ({
  authorization: `Bearer ${signToken(openid, SECRET)}`,
  'content-type': 'application/json',
})

function submitCase(url: string, openid: string, i: number): Promise<Response> {
  const event = {
    action: 'submit',
    clientRequestId: `flood-${openid}-${i}`,
    categoryCode: 'environment.litter',
    description: `楼道堆放杂物第${i}次反映`,
    location: null,
    address: '碑林区东县门街',
  }
  return fetch(`${url}/api/cases`, { method: 'POST', headers: auth(openid), body: JSON.stringify(event) })
}

/** Resolves with how long the host took to close a socket that never finishes its request. */
function closedAfter(socket: Socket): Promise<number> {
  const started = Date.now()
  return new Promise((resolve) => socket.on('close', () => resolve(Date.now() - started)))
}

describe('host limits', () => {
  describe('rate limits', () => {
    let h: Awaited<ReturnType<typeof start>>
    beforeAll(async () => {
      h = await start({ uploadQuotaBytes: 1000 })
    })
    afterAll(() => h.close())

    it('should answer 429 with Retry-After once a resident floods submissions, and store only what it accepted', async () => {
      const answers = []
      for (let i = 0; i < LIMITS.submission.account.burst + 5; i++)
        answers.push(await submitCase(h.url, 'demo-resident-2', i))
      const accepted = answers.filter((r) => r.status === 200).length
      const refused = answers.filter((r) => r.status === 429)
      expect(accepted).toBe(LIMITS.submission.account.burst)
      expect(refused).toHaveLength(5)
      expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0)
      const body = (await refused[0]!.json()) as { ok: boolean; error: { code: string; message: string } }
      expect(body).toEqual({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^操作太频繁，请 \d+ 秒后再试$/) },
      })
      const { total } = (await h.host.runtime.db
        .collection('cases')
        .where({ petitionerOpenid: 'demo-resident-2' })
        .count()) as { total: number }
      expect(total).toBe(accepted)
    })

    it('should still serve another resident and reads while one account is held back', async () => {
      expect((await submitCase(h.url, 'demo-resident-1', 0)).status).toBe(200)
      const me = await fetch(`${h.url}/api/users`, {
        method: 'POST',
        headers: auth('demo-resident-2'),
        body: JSON.stringify({ action: 'me' }),
      })
      expect(me.status).toBe(200)
    })

    it('should hold uploads to the per-account limit and the storage quota', async () => {
      const upload = (openid: string) =>
        fetch(`${h.url}/api/upload`, {
          method: 'POST',
          headers: { ...auth(openid), 'content-type': 'image/png' },
          body: PNG,
        })
      // The quota is 1000 bytes here: four 208-byte photos fit, the fifth does not.
      const sizes = []
      for (let i = 0; i < 5; i++) sizes.push((await upload('demo-volunteer-1')).status)
      expect(sizes).toEqual([200, 200, 200, 200, 413])
      const statuses = []
      for (let i = 0; i < LIMITS.upload.account.burst + 1; i++) statuses.push((await upload('demo-grid-1')).status)
      expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200])
      expect(statuses.at(-1)).toBe(429)
    })
  })

  describe('Open311 POST', () => {
    let h: Awaited<ReturnType<typeof start>>
    beforeAll(async () => {
      h = await start({
        devMode: false,
        open311ApiKeys: { 'hotline-key-1': 'demo-street-1', 'hotline-key-2': 'demo-secretary-1' },
      })
    })
    afterAll(() => h.close())

    const post = (apiKey: string, i: number) => {
      const body = new URLSearchParams({
        api_key: apiKey,
        service_code: 'environment.litter',
        lat: '34.2581',
        long: '108.9573',
        description: `来电反映楼道堆放杂物（${i}）`,
      })
      return fetch(`${h.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      })
    }
    const hotlineCases = async (openid: string) =>
      (
        (await h.host.runtime.db.collection('cases').where({ channel: 'hotline', submittedBy: openid }).count()) as {
          total: number
        }
      ).total

    it('should answer 429 in the Open311 error format with Retry-After once an API key floods, and store only what it accepted', async () => {
      const statuses: number[] = []
      let refused: Response | null = null
      for (let i = 0; i < LIMITS.open311.account.burst + 3; i++) {
        const res = await post('hotline-key-1', i)
        statuses.push(res.status)
        if (res.status === 429) refused ??= res
        else await res.arrayBuffer()
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(LIMITS.open311.account.burst)
      expect(statuses.slice(-3)).toEqual([429, 429, 429])
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await refused!.json()).toEqual([
        { code: 429, description: expect.stringMatching(/^too many requests: retry after \d+ seconds$/) },
      ])
      expect(await hotlineCases('demo-street-1')).toBe(LIMITS.open311.account.burst)
      // Another key from the same address still gets through.
      expect((await post('hotline-key-2', 0)).status).toBe(200)
    })

    it('should hold guessed keys to the per-address limit', async () => {
      const statuses: number[] = []
      for (let i = 0; i < LIMITS.open311.address.burst + 1; i++) statuses.push((await post(`guess-${i}`, i)).status)
      expect(statuses.at(-1)).toBe(429)
      expect(new Set(statuses)).toEqual(new Set([403, 429]))
    })
  })

  describe('slow clients', () => {
    let h: Awaited<ReturnType<typeof start>>
    beforeAll(async () => {
      h = await start({ timeouts: { headersMs: 400, requestMs: 800, checkEveryMs: 100 } })
    })
    afterAll(() => h.close())

    it('should cut a request whose headers never finish', async () => {
      const socket = connect(h.port, '127.0.0.1')
      socket.on('error', () => undefined)
      socket.write('POST /api/users HTTP/1.1\r\nHost: x\r\n')
      const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 100)
      const ms = await closedAfter(socket)
      clearInterval(drip)
      expect(ms).toBeLessThan(5_000)
    })

    it('should cut a request whose body trickles in', async () => {
      const socket = connect(h.port, '127.0.0.1')
      socket.on('error', () => undefined)
      socket.write(
        'POST /api/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      )
      const drip = setInterval(() => socket.write(' '), 100)
      const ms = await closedAfter(socket)
      clearInterval(drip)
      expect(ms).toBeLessThan(5_000)
    })
  })
})
