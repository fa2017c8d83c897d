import { XMLParser } from 'fast-xml-parser'
import { IN_GRID_1, startImageServer, startOpen311Host, TINY_PNG, type Open311TestHost } from './open311-testing'
import { toOpen311Xml } from './open311-xml'

/*
 * GeoReport v2 in XML: every answer parsed back with a real XML parser and compared with
 * the JSON answer to the same request, and a client that talks the way FixMyStreet's
 * perllib/Open311.pm does (XML only, form-encoded POST with api_key and media_url).
 */

/** How FixMyStreet reads XML (XML::Simple with ForceArray on the list elements). */
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'endpoint', 'format'].includes(name),
})
const parse = (xml: string): Record<string, any> => parser.parse(xml) as Record<string, any>

/** The JSON answer as XML text would carry it: every value a string, null empty, lists by item. */
function asText(value: unknown): unknown {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(asText)
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]))
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : ''
}

let s: Open311TestHost
beforeAll(async () => {
  s = await startOpen311Host()
})
afterAll(() => s.close())

async function xml(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; doc: Record<string, any>; text: string }> {
  const res = await fetch(`${s.base}/${path}`, init)
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8')
  const text = await res.text()
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true)
  return { status: res.status, doc: parse(text), text }
}
const jsonOf = async (path: string): Promise<any> => (await fetch(`${s.base}/${path}`)).json()

describe('toOpen311Xml', () => {
  it('should escape markup and drop characters XML cannot carry', () => {
    const text = toOpen311Xml('errors', [{ code: 400, description: '<b>&"坏"\u0001' }])
    expect(text).toContain('<description>&lt;b&gt;&amp;&quot;坏&quot;</description>')
    expect(parse(text)).toEqual({ '?xml': '', errors: { error: [{ code: '400', description: '<b>&"坏"' }] } })
  })

  it('should write an empty list as an empty wrapper element', () => {
    expect(
      parse(toOpen311Xml('service_definition', { service_code: 'a.b', attributes: [] })).service_definition,
    ).toEqual({ service_code: 'a.b', attributes: '' })
  })
})

describe('open311 XML', () => {
  it('should answer services.xml with the same services as services.json', async () => {
    const { status, doc } = await xml('services.xml')
    expect(status).toBe(200)
    expect(doc.services.service).toEqual(asText(await jsonOf('services.json')))
  })

  it('should answer a service definition as <service_definition>', async () => {
    const { doc } = await xml('services/environment.litter.xml')
    expect(doc.service_definition).toEqual({ service_code: 'environment.litter', attributes: '' })
  })

  it('should answer the discovery file in XML with both formats', async () => {
    const doc = parse(await (await fetch(`${s.url}/open311/discovery.xml`)).text())
    const json = (await (await fetch(`${s.url}/open311/discovery.json`)).json()) as {
      endpoints: Array<{ formats: string[] }>
    }
    expect(doc.discovery).toEqual(
      asText({
        ...json,
        endpoints: { endpoint: json.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
      }),
    )
    expect(doc.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json'])
  })

  it('should answer errors as <errors><error><code/><description/></error></errors> with the spec status codes', async () => {
    const missing = await xml('services/nothing.here.xml')
    expect([missing.status, missing.doc]).toEqual([
      404,
      { '?xml': '', errors: { error: [{ code: '404', description: 'service_code nothing.here not found' }] } },
    ])
    const noKey = await xml('requests.xml', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'service_code=environment.litter',
    })
    expect([noKey.status, noKey.doc.errors.error]).toEqual([403, [{ code: '403', description: 'api_key is required' }]])
    const bad = await xml('requests.xml?status=pending')
    expect([bad.status, bad.doc.errors.error[0].code]).toEqual([400, '400'])
  })
})

describe('a FixMyStreet-style client', () => {
  it('should list services.xml, POST with media_url, and read the request back from requests.xml by id', async () => {
    const images = await startImageServer({ '/photo/1.full.jpeg': { body: TINY_PNG } })
    try {
      // 1. get_service_list
      const services = (await xml('services.xml')).doc.services.service as Array<Record<string, string>>
      const litter = services.find((x) => x.service_name === '垃圾堆放')!
      expect([litter.service_code, litter.metadata, litter.type]).toEqual(['environment.litter', 'false', 'realtime'])

      // 2. send_service_request: form-encoded, api_key and jurisdiction_id in the body, name split in two.
      const media = `${images.url}/photo/1.full.jpeg`
      const body = new URLSearchParams({
        api_key: 'hotline-key-1',
        jurisdiction_id: 'minhu.example.cn',
        service_code: litter.service_code!,
        description: '垃圾堆放\n\n东县门街口垃圾堆了三天\n\nhttps://fms.example.org/report/42\n',
        first_name: 'Jian',
        last_name: 'Li',
        email: 'li@example.org',
        media_url: media,
        ...IN_GRID_1,
      })
      const posted = await xml('requests.xml', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: body.toString(),
      })
      expect(posted.status).toBe(200)
      const request = posted.doc.service_requests.request[0]
      // FixMyStreet takes service_request_id when present, and polls tokens only without one.
      expect(Object.keys(request).sort()).toEqual(['account_id', 'service_notice', 'service_request_id'])
      expect(request.account_id).toBe('')
      const id = request.service_request_id as string

      // 3. get_service_requests with report_ids
      const read = await xml(`requests.xml?service_request_id=${id}&jurisdiction_id=minhu.example.cn`)
      const [got] = read.doc.service_requests.request
      expect(got).toEqual(asText((await jsonOf(`requests.json?service_request_id=${id}`))[0]))
      expect(got).toMatchObject({
        service_request_id: id,
        status: 'open',
        service_code: 'environment.litter',
        lat: '34.2581',
        long: '108.9573',
        media_url: media,
        address_id: '',
        zipcode: '',
      })
      expect(got.description).toContain('东县门街口垃圾堆了三天')

      // The photo was fetched and stored: the case shows it in the app as any photo.
      const doc = (
        (await s.host.runtime.db.collection('cases').where({ number: id }).get()).data as Array<{ photos: string[] }>
      )[0]!
      expect(doc.photos).toHaveLength(1)
    } finally {
      await images.close()
    }
  })
})
