import type { Category } from '../../../types/cases'
import { fromPostRequest, parseRequestsQuery, toServiceRequest, toServices, type Open311Case } from './open311'

const cat = (over: Partial<Category> & Pick<Category, 'code' | 'name'>): Category => ({
  parentCode: null,
  description: '',
  routingLevel: 'grid',
  departmentKeys: [],
  tier: 'general',
  keywords: [],
  order: 0,
  active: true,
  ...over,
})

const base: Open311Case = {
  number: 'BL-20261122-0042',
  status: 'processing',
  categoryCode: 'environment.litter',
  categoryName: '垃圾堆放',
  description: '楼下垃圾三天没人清',
  handlingUnitName: '东县门第一网格',
  submittedAt: '2026-11-22T02:00:00.000Z',
  updatedAt: '2026-11-22T03:30:00.000Z',
  handleDueAt: '2026-11-29T16:00:00.000Z',
  address: '东县门街12号',
  location: { lng: 108.952, lat: 34.252 },
  resolution: null,
  duplicateOf: null,
}

describe('open311', () => {
  it('should list active leaf categories as realtime services grouped by their parent', () => {
    const services = toServices([
      cat({ code: 'environment', name: '环境卫生' }),
      cat({ code: 'environment.litter', name: '垃圾堆放', parentCode: 'environment', keywords: ['垃圾', '清运'], description: '生活垃圾未及时清运' }),
      cat({ code: 'environment.old', name: '停用类别', parentCode: 'environment', active: false }),
    ])
    expect(services).toEqual([
      { service_code: 'environment.litter', service_name: '垃圾堆放', description: '生活垃圾未及时清运', metadata: false, type: 'realtime', keywords: '垃圾,清运', group: '环境卫生' },
    ])
  })

  it('should map an open case with the handling unit, deadline and +08:00 date/times', () => {
    expect(toServiceRequest(base, 'https://example.org/p.jpg')).toEqual({
      service_request_id: 'BL-20261122-0042',
      status: 'open',
      status_notes: '办理中',
      service_name: '垃圾堆放',
      service_code: 'environment.litter',
      description: '楼下垃圾三天没人清',
      agency_responsible: '东县门第一网格',
      service_notice: '',
      requested_datetime: '2026-11-22T10:00:00+08:00',
      updated_datetime: '2026-11-22T11:30:00+08:00',
      expected_datetime: '2026-11-30T00:00:00+08:00',
      address: '东县门街12号',
      address_id: '',
      zipcode: '',
      lat: 34.252,
      long: 108.952,
      media_url: 'https://example.org/p.jpg',
    })
  })

  it.each([
    ['pending_sign', 'open'],
    ['returned', 'open'],
    ['resolved', 'closed'],
    ['closed', 'closed'],
    ['duplicate', 'closed'],
  ] as const)('should report a %s case as %s', (status, expected) => {
    expect(toServiceRequest({ ...base, status }).status).toBe(expected)
  })

  it('should put the disposition and reply in the status notes of a resolved case', () => {
    const r = toServiceRequest({ ...base, status: 'closed', resolution: { disposition: 'solved', reply: '已清运并增加清运频次' } })
    expect(r.status_notes).toBe('合理诉求限时解决：已清运并增加清运频次')
  })

  it('should point a duplicate to the case it was merged into', () => {
    expect(toServiceRequest({ ...base, status: 'duplicate', duplicateOf: 'BL-20261121-0007' }).status_notes).toBe('与BL-20261121-0007重复，已合并办理')
  })

  it('should give null coordinates for a case without a location', () => {
    const r = toServiceRequest({ ...base, location: null })
    expect([r.lat, r.long]).toEqual([null, null])
  })

  it('should turn a POST into a hotline submission', () => {
    const out = fromPostRequest(
      { service_code: 'environment.litter', lat: '34.252', long: '108.952', description: ' 垃圾没人清 ', first_name: '小明', last_name: '王', phone: '029-8888 1234' },
      'req-0001-abcd',
    )
    expect(out).toEqual({
      ok: true,
      input: {
        clientRequestId: 'req-0001-abcd',
        categoryCode: 'environment.litter',
        description: '垃圾没人清',
        photos: [],
        location: { lng: 108.952, lat: 34.252 },
        address: '',
        channel: 'hotline',
        contact: { name: '王小明', phone: '029-8888 1234' },
      },
    })
  })

  it('should accept an address instead of a point', () => {
    const out = fromPostRequest({ service_code: 'x.y', address_string: '东县门街12号', description: 'd' }, 'req-0002-abcd')
    expect(out.ok && out.input.location).toBeNull()
  })

  it('should list every missing field as a 400 error', () => {
    const out = fromPostRequest({ lat: '34.2' }, 'req-0003-abcd')
    expect(out).toEqual({
      ok: false,
      errors: [
        { code: 400, description: 'service_code is required' },
        { code: 400, description: 'a location is required: lat and long, address_string or address_id' },
        { code: 400, description: 'description is required' },
      ],
    })
  })

  it('should refuse coordinates out of range', () => {
    expect(fromPostRequest({ service_code: 'a.b', lat: '95', long: '108', description: 'd' }, 'req-0004-abcd').ok).toBe(false)
  })
})

describe('parseRequestsQuery', () => {
  const now = new Date('2026-11-22T00:00:00Z')
  it('should search the last 90 days by default', () => {
    const out = parseRequestsQuery({}, now)
    expect(out.ok && [out.query.start.toISOString(), out.query.end.toISOString()]).toEqual(['2026-08-24T00:00:00.000Z', '2026-11-22T00:00:00.000Z'])
  })
  it('should let service_request_id override every other filter', () => {
    const out = parseRequestsQuery({ service_request_id: 'BL-1, BL-2', status: 'open', service_code: 'a.b' }, now)
    expect(out.ok && out.query).toMatchObject({ ids: ['BL-1', 'BL-2'], status: null, serviceCodes: null })
  })
  it('should read comma separated service codes and a status', () => {
    const out = parseRequestsQuery({ service_code: 'a.b,c.d', status: 'closed' }, now)
    expect(out.ok && out.query).toMatchObject({ ids: null, serviceCodes: ['a.b', 'c.d'], status: 'closed' })
  })
  it.each([
    [{ status: 'pending' }, 'status must be open or closed'],
    [{ start_date: 'yesterday' }, 'start_date and end_date must be ISO 8601 date/times'],
    [{ start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-06-01T00:00:00+08:00' }, 'the date range may not span more than 90 days'],
    [{ start_date: '2026-06-01T00:00:00+08:00', end_date: '2026-01-01T00:00:00+08:00' }, 'end_date is before start_date'],
  ])('should refuse %o', (q, description) => {
    expect(parseRequestsQuery(q, now)).toEqual({ ok: false, errors: [{ code: 400, description }] })
  })
})
