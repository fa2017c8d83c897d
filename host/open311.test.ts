import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seedDemo } from '../demo'
import { apiKeysFromEnv } from './open311'
import { createHost, type Host } from './server'

/*
 * The Open311 GeoReport v2 routes over HTTP on an ephemeral port, on the demo data, field
 * by field against the spec (wiki.open311.org/GeoReport_v2). The hotline key belongs to
 * demo-street-1 (街道, a hotline role); the grid key to demo-grid-1 (网格员, not one).
 */

const KEYS = { 'hotline-key-1': 'demo-street-1', 'grid-key-1': 'demo-grid-1' }
const IN_GRID_1 = { lat: '34.2581', long: '108.9573' }
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

let host: Host
let base: string
let work: string

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'minhu-open311-'))
  host = createHost({ dbFile: ':memory:', devMode: false, secret: 's', h5Dir: work, dataDir: work, sweepIntervalMs: 0, log: () => undefined, quiet: true, open311ApiKeys: KEYS })
  await seedDemo(host.runtime)
  base = `${await host.listen(0)}/open311/v2`
})
afterAll(async () => {
  await host.close()
  rmSync(work, { recursive: true, force: true })
})

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${base}/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() })

async function json<T = unknown>(res: Response): Promise<T> {
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  return (await res.json()) as T
}

type Req = Record<string, unknown> & { service_request_id: string }

describe('open311 routes', () => {
  it('should list services with exactly the spec fields', async () => {
    const res = await fetch(`${base}/services.json`)
    expect(res.status).toBe(200)
    const services = await json<Array<Record<string, unknown>>>(res)
    const elevator = services.find((s) => s.service_code === 'property.elevator')
    expect(elevator).toEqual({ service_code: 'property.elevator', service_name: '电梯故障', description: '', metadata: false, type: 'realtime', keywords: '电梯,困人', group: '物业服务' })
    expect(services.every((s) => String(s.service_code).includes('.'))).toBe(true)
  })

  it('should answer a service definition for a known code and 404 with an error list for an unknown one', async () => {
    const ok = await fetch(`${base}/services/environment.litter.json`)
    expect([ok.status, await json(ok)]).toEqual([200, { service_code: 'environment.litter', attributes: [] }])
    const missing = await fetch(`${base}/services/nothing.here.json`)
    expect([missing.status, await json(missing)]).toEqual([404, [{ code: 404, description: 'service_code nothing.here not found' }]])
  })

  it('should refuse the xml format with 400', async () => {
    const res = await fetch(`${base}/services.xml`)
    expect([res.status, await json(res)]).toEqual([400, [{ code: 400, description: 'only the json format is supported' }]])
  })

  it('should refuse a POST without an api_key, with an unknown key, and with a key whose account has no hotline role', async () => {
    const fields = { service_code: 'environment.litter', description: '楼下垃圾桶满了', ...IN_GRID_1 }
    const none = await form(fields)
    expect([none.status, await json(none)]).toEqual([403, [{ code: 403, description: 'api_key is required' }]])
    const unknown = await form({ ...fields, api_key: 'nope' })
    expect([unknown.status, await json(unknown)]).toEqual([403, [{ code: 403, description: 'api_key is not valid' }]])
    const grid = await form({ ...fields, api_key: 'grid-key-1' })
    expect(grid.status).toBe(403)
    expect(await json(grid)).toEqual([{ code: 403, description: '您没有代为登记诉求的权限' }])
  })

  it('should answer 400 for a POST without a location or a service code', async () => {
    const res = await form({ api_key: 'hotline-key-1', description: '没有位置' })
    expect(res.status).toBe(400)
    expect((await json<Array<{ code: number; description: string }>>(res)).map((e) => e.description)).toEqual([
      'service_code is required',
      'a location is required: lat and long, address_string or address_id',
    ])
  })

  it('should create a hotline case, answer its id, and read it back field by field', async () => {
    const res = await form({ api_key: 'hotline-key-1', service_code: 'environment.litter', description: '东县门街口垃圾堆了三天', address_string: '东县门街12号', first_name: '建国', last_name: '李', phone: '13800001111', ...IN_GRID_1 })
    expect(res.status).toBe(200)
    const [created] = await json<Array<Record<string, unknown>>>(res)
    expect(Object.keys(created!).sort()).toEqual(['account_id', 'service_notice', 'service_request_id', 'token'])
    expect(created).toMatchObject({ service_notice: '已交「东县门社区第一网格」办理', account_id: null })
    const id = String(created!.service_request_id)
    expect(id).toMatch(/^BL-\d{8}-\d{4}$/)

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
      address: '东县门街12号',
      lat: 34.2581,
      long: 108.9573,
      media_url: '',
    })
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(String(request![field])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/)
    // The petitioner's name and phone are never part of a GeoReport answer.
    expect(JSON.stringify(request)).not.toMatch(/13800001111|建国/)

    const token = await fetch(`${base}/tokens/${String(created!.token)}.json`)
    expect([token.status, await json(token)]).toEqual([200, [{ service_request_id: id, token: created!.token }]])
  })

  it('should make one case for a retried POST with the same Idempotency-Key', async () => {
    const fields = { api_key: 'hotline-key-1', service_code: 'neighbour.noise', description: '夜里装修声音太大', ...IN_GRID_1 }
    const first = await json<Req[]>(await form(fields, { 'Idempotency-Key': 'hotline-ticket-0001' }))
    const again = await json<Req[]>(await form(fields, { 'Idempotency-Key': 'hotline-ticket-0001' }))
    expect(again[0]!.service_request_id).toBe(first[0]!.service_request_id)
    const other = await json<Req[]>(await form(fields, { 'Idempotency-Key': 'hotline-ticket-0002' }))
    expect(other[0]!.service_request_id).not.toBe(first[0]!.service_request_id)
  })

  it('should filter requests by service_code, status and ids, and refuse a bad status', async () => {
    const created = await json<Req[]>(await form({ api_key: 'hotline-key-1', service_code: 'utility.power', description: '整栋楼停电', ...IN_GRID_1 }))
    const id = created[0]!.service_request_id
    const byCode = await json<Req[]>(await fetch(`${base}/requests.json?service_code=utility.power`))
    expect(byCode.map((r) => r.service_request_id)).toEqual([id])
    const closed = await json<Req[]>(await fetch(`${base}/requests.json?status=closed`))
    expect(closed.some((r) => r.service_request_id === id)).toBe(false)
    const open = await json<Req[]>(await fetch(`${base}/requests.json?status=open`))
    expect(open.some((r) => r.service_request_id === id)).toBe(true)
    const byIds = await json<Req[]>(await fetch(`${base}/requests.json?service_request_id=${id},BL-20000101-0001`))
    expect(byIds.map((r) => r.service_request_id)).toEqual([id])
    const bad = await fetch(`${base}/requests.json?status=pending`)
    expect([bad.status, await json(bad)]).toEqual([400, [{ code: 400, description: 'status must be open or closed' }]])
    const span = await fetch(`${base}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z`)
    expect(span.status).toBe(400)
  })

  it('should answer 404 for an unknown request id and an unknown token', async () => {
    const res = await fetch(`${base}/requests/BL-20000101-0001.json`)
    expect([res.status, await json(res)]).toEqual([404, [{ code: 404, description: 'service_request_id BL-20000101-0001 not found' }]])
    const token = await fetch(`${base}/tokens/${'0'.repeat(32)}.json`)
    expect(token.status).toBe(404)
  })

  it('should refuse writing methods on read-only resources', async () => {
    const res = await fetch(`${base}/services.json`, { method: 'POST' })
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET'])
  })
})

describe('apiKeysFromEnv', () => {
  it('should read key:openid pairs and skip malformed ones', () => {
    expect(apiKeysFromEnv(' k1:demo-street-1, broken ,:x,k2: demo-secretary-1 ')).toEqual({ k1: 'demo-street-1', k2: 'demo-secretary-1' })
    expect(apiKeysFromEnv(undefined)).toEqual({})
  })
})
