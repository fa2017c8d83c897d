import type { Category } from '../../../types/cases-routing'
import { isoWithOffset } from './deadlines'
import { toDiscovery, toServiceRequest, toServices, w3cShanghai, type Open311Case } from './open311'

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
      cat({
        code: 'environment.litter',
        name: '垃圾堆放',
        parentCode: 'environment',
        keywords: ['垃圾', '清运'],
        description: '生活垃圾未及时清运',
      }),
      cat({ code: 'environment.old', name: '停用类别', parentCode: 'environment', active: false }),
    ])
    expect(services).toEqual([
      {
        service_code: 'environment.litter',
        service_name: '垃圾堆放',
        description: '生活垃圾未及时清运',
        metadata: false,
        type: 'realtime',
        keywords: '垃圾,清运',
        group: '环境卫生',
      },
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
    const r = toServiceRequest({
      ...base,
      status: 'closed',
      resolution: { disposition: 'solved', reply: '已清运并增加清运频次' },
    })
    expect(r.status_notes).toBe('合理诉求限时解决：已清运并增加清运频次')
  })

  it('should point a duplicate to the case it was merged into', () => {
    expect(toServiceRequest({ ...base, status: 'duplicate', duplicateOf: 'BL-20261121-0007' }).status_notes).toBe(
      '与BL-20261121-0007重复，已合并办理',
    )
  })

  it('should give null coordinates for a case without a location', () => {
    const r = toServiceRequest({ ...base, location: null })
    expect([r.lat, r.long]).toEqual([null, null])
  })

  it('should answer the address id a hotline case was stored with', () => {
    expect(toServiceRequest({ ...base, addressId: 'XA-0012-778' }).address_id).toBe('XA-0012-778')
  })
})

describe('w3cShanghai', () => {
  it.each([
    '2026-11-22T02:00:00.000Z',
    '2026-11-22T16:30:59.999Z',
    '2026-12-31T23:59:59.000Z',
    '2024-02-28T16:00:00.000Z',
  ])('should give %s as the time zone plugin does', (at) => {
    expect(w3cShanghai(at)).toBe(isoWithOffset(at))
  })
})

describe('toDiscovery', () => {
  it('should describe one GeoReport v2 endpoint serving XML and JSON', () => {
    expect(toDiscovery('https://minhu.example.cn/open311/v2', '2026-11-30T00:00:00.000Z', true)).toMatchObject({
      changeset: '2026-11-30T00:00:00.000Z',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://minhu.example.cn/open311/v2',
          changeset: '2026-11-30T00:00:00.000Z',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    })
    expect(toDiscovery('u', 'c', false).endpoints[0]!.type).toBe('test')
  })
})
