import { apiKeysFromEnv } from './open311'
import { IN_GRID_1, PUBLIC_BASE_URL, startOpen311Host, TINY_PNG, type Open311TestHost } from './open311-testing'
import { signToken } from './token'

/*
 * The Open311 GeoReport v2 routes over HTTP on an ephemeral port, on the demo data, field
 * by field against the spec (GeoReport_v2/index.md in open311/open311.github.io), in JSON.
 * XML and a FixMyStreet-style client: open311-xml.test.ts.
 */

const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
].sort()

let s: Open311TestHost
let base: string
beforeAll(async () => {
  s = await startOpen311Host()
  base = s.base
})
afterAll(() => s.close())

const form = (fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one)
  return fetch(`${base}/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body: body.toString(),
  })
}
const hotline = (fields: Record<string, string | string[]>, headers?: Record<string, string>) =>
  form({ api_key: 'hotline-key-1', ...fields }, headers)

async function json<T = unknown>(res: Response): Promise<T> {
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  return (await res.json()) as T
}

type Req = Record<string, unknown> & { service_request_id: string }
const created = async (res: Response): Promise<string> => {
  expect(res.status).toBe(200)
  return (await json<Req[]>(res))[0]!.service_request_id
}

describe('open311 routes (JSON)', () => {
  it('should list services with exactly the spec fields', async () => {
    const res = await fetch(`${base}/services.json`)
    expect(res.status).toBe(200)
    const services = await json<Array<Record<string, unknown>>>(res)
    const elevator = services.find((x) => x.service_code === 'property.elevator')
    expect(elevator).toEqual({
      service_code: 'property.elevator',
      service_name: '电梯故障',
      description: '',
      metadata: false,
      type: 'realtime',
      keywords: '电梯,困人',
      group: '物业服务',
    })
    expect(services.every((x) => String(x.service_code).includes('.'))).toBe(true)
  })

  it('should answer a service definition for a known code and 404 with an error list for an unknown one', async () => {
    const ok = await fetch(`${base}/services/environment.litter.json`)
    expect([ok.status, await json(ok)]).toEqual([200, { service_code: 'environment.litter', attributes: [] }])
    const missing = await fetch(`${base}/services/nothing.here.json`)
    expect([missing.status, await json(missing)]).toEqual([
      404,
      [{ code: 404, description: 'service_code nothing.here not found' }],
    ])
  })

  it('should describe the endpoint in discovery.json from the configured base URL, never the Host header', async () => {
    const res = await fetch(`${s.url}/open311/discovery.json`, { headers: { 'x-forwarded-host': 'evil.example' } })
    const doc = await json<{ endpoints: Array<{ url: string; type: string; formats: string[] }>; changeset: string }>(
      res,
    )
    expect(doc.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${PUBLIC_BASE_URL}/open311/v2`,
        changeset: doc.changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ])
    expect(Object.keys(doc).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service'])
  })

  it('should refuse a POST without an api_key, with an unknown key, and with a key whose account has no hotline role', async () => {
    const fields = { service_code: 'environment.litter', description: '楼下垃圾桶满了', ...IN_GRID_1 }
    const none = await form(fields)
    expect([none.status, await json(none)]).toEqual([403, [{ code: 403, description: 'api_key is required' }]])
    const unknown = await form({ ...fields, api_key: 'nope' })
    expect([unknown.status, await json(unknown)]).toEqual([403, [{ code: 403, description: 'api_key is not valid' }]])
    const grid = await form({ ...fields, api_key: 'grid-key-1' })
    expect([grid.status, await json(grid)]).toEqual([403, [{ code: 403, description: '您没有代为登记诉求的权限' }]])
  })

  it('should answer 400 listing every missing field of a POST', async () => {
    const res = await hotline({ description: '没有位置' })
    expect(res.status).toBe(400)
    expect((await json<Array<{ description: string }>>(res)).map((e) => e.description)).toEqual([
      'service_code is required',
      'a location is required: lat and long, address_string or address_id',
    ])
  })

  it('should answer 404 for a POST with an unknown service_code', async () => {
    const res = await hotline({ service_code: 'nothing.here', description: '无此类别', ...IN_GRID_1 })
    expect([res.status, await json(res)]).toEqual([
      404,
      [{ code: 404, description: 'service_code nothing.here not found' }],
    ])
  })

  it('should refuse a point in Beijing with a clear 400', async () => {
    const res = await hotline({
      service_code: 'environment.litter',
      description: '天安门广场',
      lat: '39.9087',
      long: '116.3975',
    })
    expect(res.status).toBe(400)
    expect((await json<Array<{ description: string }>>(res))[0]!.description).toMatch(
      /^lat\/long \(39\.9087, 116\.3975\) is outside the service area/,
    )
  })

  it('should take a 4,000-character Chinese description as a form and say clearly when it is one too many', async () => {
    const ok = await hotline({ service_code: 'environment.litter', description: '井'.repeat(4000), ...IN_GRID_1 })
    const id = await created(ok)
    const [read] = await json<Req[]>(await fetch(`${base}/requests/${id}.json`))
    expect(String(read!.description)).toHaveLength(4000)
    const long = await hotline({ service_code: 'environment.litter', description: '井'.repeat(4001), ...IN_GRID_1 })
    expect([long.status, await json(long)]).toEqual([
      400,
      [{ code: 400, description: 'description is too long: 4001 characters, at most 4000' }],
    ])
  })

  it('should refuse a JSON field that holds an object instead of filing "[object Object]" as the description', async () => {
    const post = (fields: Record<string, unknown>) =>
      fetch(`${base}/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: 'hotline-key-1', service_code: 'environment.litter', ...IN_GRID_1, ...fields }),
      })
    const nested = await post({ description: { text: '楼道里堆了杂物' } })
    expect([nested.status, await json(nested)]).toEqual([
      400,
      [{ code: 400, description: 'description must be text or a number (or a list of them), not an object' }],
    ])
    // attribute[code] is the one nested field GeoReport has: accepted and ignored, as in a form.
    const id = await created(
      await post({ description: '楼道里堆了杂物', attribute: { WHISPER: '是', TYPES: ['a', 'b'] } }),
    )
    const [read] = await json<Req[]>(await fetch(`${base}/requests/${id}.json`))
    expect(read!.description).toBe('楼道里堆了杂物')
  })

  it('should create a case without a description', async () => {
    const id = await created(await hotline({ service_code: 'environment.litter', ...IN_GRID_1 }))
    const [read] = await json<Req[]>(await fetch(`${base}/requests/${id}.json`))
    expect(read!.description).toBe('垃圾堆放（来电未附描述）')
  })

  it('should keep address_id when it is the only location', async () => {
    const id = await created(
      await hotline({ service_code: 'environment.litter', description: '门口垃圾', address_id: 'XA-BL-000123' }),
    )
    const [read] = await json<Req[]>(await fetch(`${base}/requests/${id}.json`))
    expect([read!.address_id, read!.address, read!.lat, read!.long]).toEqual([
      'XA-BL-000123',
      '地址编号 XA-BL-000123',
      null,
      null,
    ])
  })

  it('should create a hotline case, answer its id alone (realtime: no token), and read it back field by field', async () => {
    const res = await hotline({
      service_code: 'environment.litter',
      description: '东县门街口垃圾堆了三天',
      address_string: '东县门街12号',
      first_name: '建国',
      last_name: '李',
      phone: '13800001111',
      ...IN_GRID_1,
    })
    expect(res.status).toBe(200)
    const answer = await json<Array<Record<string, unknown>>>(res)
    expect(answer).toEqual([
      {
        service_request_id: expect.stringMatching(/^BL-\d{8}-\d{4}$/),
        service_notice: '已交「东县门社区第一网格」办理',
        account_id: null,
      },
    ])
    const id = String(answer[0]!.service_request_id)

    const one = await fetch(`${base}/requests/${id}.json`)
    expect(one.status).toBe(200)
    const [request] = await json<Req[]>(one)
    expect(Object.keys(request!).sort()).toEqual(REQUEST_FIELDS)
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: '待签收',
      service_name: '垃圾堆放',
      service_code: 'environment.litter',
      description: '东县门街口垃圾堆了三天',
      agency_responsible: '东县门社区第一网格',
      service_notice: '',
      address: '东县门街12号',
      address_id: '',
      zipcode: '',
      lat: 34.2581,
      long: 108.9573,
      media_url: '',
    })
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
      expect(String(request![field])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/)
    // The petitioner's name and phone are never part of a GeoReport answer.
    expect(JSON.stringify(request)).not.toMatch(/13800001111|建国/)
  })

  it('should make one case for a retried POST with the same Idempotency-Key', async () => {
    const fields = { service_code: 'neighbour.noise', description: '夜里装修声音太大', ...IN_GRID_1 }
    const first = await created(await hotline(fields, { 'Idempotency-Key': 'hotline-ticket-0001' }))
    expect(await created(await hotline(fields, { 'Idempotency-Key': 'hotline-ticket-0001' }))).toBe(first)
    expect(await created(await hotline(fields, { 'Idempotency-Key': 'hotline-ticket-0002' }))).not.toBe(first)
  })

  it('should answer a multipart POST with 415 saying what to send instead', async () => {
    const body = new FormData()
    body.append('api_key', 'hotline-key-1')
    body.append('service_code', 'environment.litter')
    const res = await fetch(`${base}/requests.json`, { method: 'POST', body })
    expect([res.status, await json(res)]).toEqual([
      415,
      [
        {
          code: 415,
          description:
            'multipart/form-data is not accepted: send the fields as application/x-www-form-urlencoded, and photos as media_url',
        },
      ],
    ])
  })

  it('should filter requests by service_code and status, as lists or repeated, and by ids', async () => {
    const id = await created(await hotline({ service_code: 'utility.power', description: '整栋楼停电', ...IN_GRID_1 }))
    const ids = async (query: string) =>
      (await json<Req[]>(await fetch(`${base}/requests.json?${query}`))).map((r) => r.service_request_id)
    expect(await ids('service_code=utility.power')).toEqual([id])
    expect(await ids('service_code=utility.power,utility.water')).toEqual([id])
    expect(await ids('service_code=utility.water&service_code=utility.power')).toEqual([id])
    expect(await ids('service_code=utility.power&status=closed')).toEqual([])
    expect(await ids('service_code=utility.power&status=open,closed')).toEqual([id])
    expect(await ids('service_code=utility.power&status=closed&status=open')).toEqual([id])
    expect(await ids(`service_request_id=${id},BL-20000101-0001`)).toEqual([id])
    const bad = await fetch(`${base}/requests.json?status=pending`)
    expect([bad.status, await json(bad)]).toEqual([
      400,
      [{ code: 400, description: 'status must be open or closed (comma delimited), not pending' }],
    ])
    expect(
      (await fetch(`${base}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z`)).status,
    ).toBe(400)
  })

  it('should page requests.json with a Link to the next page on the public base URL', async () => {
    const res = await fetch(`${base}/requests.json?page_size=1&status=open`)
    expect(await json<Req[]>(res)).toHaveLength(1)
    expect([res.headers.get('x-page'), res.headers.get('x-page-size')]).toEqual(['1', '1'])
    expect(res.headers.get('link')).toBe(
      `<${PUBLIC_BASE_URL}/open311/v2/requests.json?page_size=1&status=open&page=2>; rel="next"`,
    )
    const last = await fetch(`${base}/requests.json?page_size=200`)
    expect(last.headers.get('link')).toBeNull()
  })

  it('should refuse more than 100 ids with a clear error', async () => {
    const ids = Array.from({ length: 101 }, (_x, i) => `BL-20261122-${String(i).padStart(4, '0')}`).join(',')
    const res = await fetch(`${base}/requests.json?service_request_id=${ids}`)
    expect([res.status, await json(res)]).toEqual([
      400,
      [{ code: 400, description: 'too many service_request_id: 101, at most 100 per request' }],
    ])
  })

  it('should answer 404 for an unknown request id, an unknown token and an unknown resource', async () => {
    const res = await fetch(`${base}/requests/BL-20000101-0001.json`)
    expect([res.status, await json(res)]).toEqual([
      404,
      [{ code: 404, description: 'service_request_id BL-20000101-0001 not found' }],
    ])
    expect((await fetch(`${base}/tokens/${'0'.repeat(32)}.json`)).status).toBe(404)
    expect((await fetch(`${base}/services.yaml`)).status).toBe(404)
  })
})

describe('open311 HTTP manners', () => {
  it('should let browsers on other sites read, with CORS on answers and errors', async () => {
    for (const path of ['services.json', 'requests.json', 'requests/BL-20000101-0001.json']) {
      const res = await fetch(`${base}/${path}`, { headers: { origin: 'https://tools.example.org' } })
      expect([path, res.headers.get('access-control-allow-origin')]).toEqual([path, '*'])
    }
  })

  it('should answer a CORS preflight for reading, but not offer POST to other sites', async () => {
    const res = await fetch(`${base}/requests.json`, {
      method: 'OPTIONS',
      headers: { origin: 'https://tools.example.org', 'access-control-request-method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect([
      res.headers.get('access-control-allow-origin'),
      res.headers.get('access-control-allow-methods'),
      res.headers.get('allow'),
    ]).toEqual(['*', 'GET, HEAD, OPTIONS', 'GET, HEAD, POST, OPTIONS'])
    const posted = await hotline({ service_code: 'nothing.here', ...IN_GRID_1 })
    expect(posted.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('should answer 405 with the methods each route allows', async () => {
    const services = await fetch(`${base}/services.json`, { method: 'POST' })
    expect([services.status, services.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS'])
    const requests = await fetch(`${base}/requests.json`, { method: 'DELETE' })
    expect([requests.status, requests.headers.get('allow'), await json(requests)]).toEqual([
      405,
      'GET, HEAD, POST, OPTIONS',
      [{ code: 405, description: 'DELETE is not allowed here: GET, HEAD, POST, OPTIONS' }],
    ])
    const one = await fetch(`${base}/requests/BL-20000101-0001.xml`, { method: 'PUT' })
    expect([one.status, one.headers.get('allow'), one.headers.get('content-type')]).toEqual([
      405,
      'GET, HEAD, OPTIONS',
      'text/xml; charset=utf-8',
    ])
  })

  it('should answer HEAD with the headers and no body', async () => {
    const res = await fetch(`${base}/services.json`, { method: 'HEAD' })
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
      200,
      'application/json; charset=utf-8',
      '',
    ])
  })
})

describe('residents’ photos', () => {
  it('should keep a resident’s case photo out of GeoReport answers and off /files/ without a signed link, while the app still shows it', async () => {
    const token = signToken('demo-resident-1', 'open311-test-secret')
    const auth = { authorization: `Bearer ${token}` }
    const uploaded = (await (
      await fetch(`${s.url}/api/upload`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'image/png' },
        body: TINY_PNG,
      })
    ).json()) as { data: { fileId: string; url: string } }
    const submitted = (await (
      await fetch(`${s.url}/api/cases`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          action: 'submit',
          clientRequestId: 'resident-photo-0001',
          categoryCode: 'environment.litter',
          description: '楼道里堆了很多垃圾',
          photos: [uploaded.data.fileId],
          location: { lng: 108.9573, lat: 34.2581 },
        }),
      })
    ).json()) as { ok: boolean; data: { case: { id: string; number: string; photoUrls: string[] } } }
    expect(submitted.ok).toBe(true)
    const { number, photoUrls } = submitted.data.case

    const [request] = await json<Req[]>(await fetch(`${base}/requests/${number}.json`))
    expect(request!.media_url).toBe('')
    const listed = await json<Req[]>(await fetch(`${base}/requests.json?service_request_id=${number}`))
    expect(listed.map((r) => r.media_url)).toEqual([''])

    const key = uploaded.data.fileId.slice('local:'.length)
    expect((await fetch(`${s.url}/files/${encodeURIComponent(key)}`)).status).toBe(403)
    // The petitioner's own view of the case carries a signed link that loads.
    expect(photoUrls).toEqual([expect.stringMatching(/^\/files\/.+\?expires=\d+&sig=/)])
    const shown = await fetch(`${s.url}${photoUrls[0]}`)
    expect([shown.status, Buffer.from(await shown.arrayBuffer())]).toEqual([200, TINY_PNG])
  })
})

describe('apiKeysFromEnv', () => {
  it('should read key:openid pairs and skip malformed ones', () => {
    expect(apiKeysFromEnv(' k1:demo-street-1, broken ,:x,k2: demo-secretary-1 ')).toEqual({
      k1: 'demo-street-1',
      k2: 'demo-secretary-1',
    })
    expect(apiKeysFromEnv(undefined)).toEqual({})
  })
})
