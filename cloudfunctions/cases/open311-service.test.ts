import { saveUpload } from '../core/photos'
import type { CaseDoc } from './collections'
import { CASE_COLLECTIONS } from './collections'
import {
  open311Request,
  open311Requests,
  open311Services,
  open311Submit,
  type FetchedMedia,
  type Open311SubmitDeps,
} from './open311-service'
import { casesHarness, closeChecked, IN_GRID_1, type CasesHarness } from './test-helpers'

/* The Open311 GeoReport v2 readers and the POST path through the cases function, on the demo data. */

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b1f1a70000000049454e44ae426082',
  'hex',
)
const form = (fields: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]))
const at = { lat: String(IN_GRID_1.lat), long: String(IN_GRID_1.lng) }

let h: CasesHarness
let fetched: string[]
beforeEach(async () => {
  h = await casesHarness()
  fetched = []
})
afterEach(() => closeChecked(h))

function deps(openid: string, media: FetchedMedia = { ok: true, content: PNG, extension: 'png' }): Open311SubmitDeps {
  return {
    submit: (event) => h.env.call(openid, 'cases', event),
    fetchMedia: async (url) => {
      fetched.push(url)
      return media
    },
  }
}

const submit = (fields: Record<string, string | string[]>, openid = 'demo-street-1', media?: FetchedMedia) =>
  open311Submit(
    h.env.rt,
    openid,
    form(fields),
    `open311-${Math.random().toString(36).slice(2, 10)}`,
    deps(openid, media),
  )

describe('open311 service', () => {
  it('should list the demo leaf categories as services with their groups', async () => {
    const services = await open311Services(h.env.rt.db)
    expect(services.find((s) => s.service_code === 'property.elevator')).toMatchObject({
      service_name: '电梯故障',
      group: '物业服务',
      type: 'realtime',
    })
    expect(services.some((s) => s.service_code === 'property')).toBe(false)
  })

  it('should create a hotline case from a POST as the street’s hotline operator and answer only its id', async () => {
    const answer = await submit({
      service_code: 'safety.hazard',
      ...at,
      description: '楼道堆放电动车电池',
      phone: '13800000000',
    })
    expect(answer.status).toBe(200)
    if (answer.status !== 200) return
    expect(answer.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^BL-\d{8}-\d{4}$/),
        service_notice: '已交「柏树林街道」办理',
        account_id: null,
      },
    ])
    const doc = (await h.env.docs<CaseDoc>(CASE_COLLECTIONS.cases))[0]!
    // rule-hotline-safety: hotline safety cases go to the street
    expect([doc.channel, doc.handlingUnitId, doc.contact.phone]).toEqual(['hotline', 's-baishulin', '13800000000'])
  })

  it('should answer 404 for an unknown service_code and store nothing', async () => {
    expect(await submit({ service_code: 'nothing.here', ...at, description: '无此类别' })).toEqual({
      status: 404,
      body: [{ code: 404, description: 'service_code nothing.here not found' }],
    })
    expect(await h.env.docs(CASE_COLLECTIONS.cases)).toHaveLength(0)
  })

  it('should refuse a point in Beijing as outside the service area', async () => {
    const answer = await submit({
      service_code: 'environment.litter',
      lat: '39.9087',
      long: '116.3975',
      description: '天安门广场',
    })
    expect(answer.status).toBe(400)
    expect(answer.body[0]).toEqual({
      code: 400,
      description:
        'lat/long (39.9087, 116.3975) is outside the service area: more than 20 km from every district, street and community served here',
    })
    expect(await h.env.docs(CASE_COLLECTIONS.cases)).toHaveLength(0)
  })

  it('should store a case without a description, and one of 4,000 characters whole', async () => {
    const none = await submit({ service_code: 'environment.litter', ...at })
    const long = await submit({ service_code: 'environment.litter', ...at, description: '井'.repeat(4000) })
    expect([none.status, long.status]).toEqual([200, 200])
    const docs = await h.env.docs<CaseDoc>(CASE_COLLECTIONS.cases)
    expect(docs.map((d) => d.description.length).sort((a, b) => a - b)).toEqual([12, 4000])
    expect(docs.some((d) => d.description === '垃圾堆放（来电未附描述）')).toBe(true)
  })

  it('should keep address_id when it is the only location and answer it back', async () => {
    const answer = await submit({
      service_code: 'environment.litter',
      address_id: 'XA-BL-000123',
      description: '门口垃圾',
    })
    expect(answer.status).toBe(200)
    if (answer.status !== 200) return
    const read = await open311Request(h.env.rt, answer.body[0]!.service_request_id)
    expect(read.status === 200 && [read.body[0]!.address_id, read.body[0]!.address, read.body[0]!.lat]).toEqual([
      'XA-BL-000123',
      '地址编号 XA-BL-000123',
      null,
    ])
  })

  it('should fetch each media_url, store it as the API account’s photo, and answer the source URL as public media', async () => {
    const answer = await submit({
      service_code: 'environment.litter',
      ...at,
      description: '垃圾照片',
      media_url: 'https://fms.example.org/p/1.full.jpeg',
    })
    expect([answer.status, fetched]).toEqual([200, ['https://fms.example.org/p/1.full.jpeg']])
    const doc = (await h.env.docs<CaseDoc>(CASE_COLLECTIONS.cases))[0]!
    expect(doc.photos).toEqual([expect.stringMatching(/^local:.*open311\.png$/)])
    const read = await open311Request(h.env.rt, doc.number)
    expect(read.status === 200 && read.body[0]!.media_url).toBe('https://fms.example.org/p/1.full.jpeg')
  })

  it('should answer 400 naming the media_url that could not be used, and store no case', async () => {
    const answer = await submit(
      {
        service_code: 'environment.litter',
        ...at,
        description: '坏链接',
        media_url: 'https://fms.example.org/p/2.jpeg',
      },
      'demo-street-1',
      { ok: false, description: 'not a JPEG, PNG or WebP image' },
    )
    expect(answer).toEqual({
      status: 400,
      body: [{ code: 400, description: 'media_url https://fms.example.org/p/2.jpeg: not a JPEG, PNG or WebP image' }],
    })
    expect(await h.env.docs(CASE_COLLECTIONS.cases)).toHaveLength(0)
  })

  it('should answer 403 when the key’s account holds no hotline role', async () => {
    expect(
      await submit({ service_code: 'environment.litter', ...at, description: '网格员的钥匙' }, 'demo-grid-1'),
    ).toEqual({ status: 403, body: [{ code: 403, description: '您没有代为登记诉求的权限' }] })
  })

  it('should never show a resident’s own photo in a GeoReport answer', async () => {
    const photo = await saveUpload(h.env.rt, 'mine.png', PNG, 'demo-resident-1')
    const mine = await h.submitAs('demo-resident-1', { photos: [photo] })
    const read = await open311Request(h.env.rt, mine.number)
    expect(read.status === 200 && read.body[0]!.media_url).toBe('')
    const list = await open311Requests(h.env.rt, {})
    expect(list.status === 200 && list.body.map((r) => r.media_url)).toEqual([''])
  })

  it('should read requests by id and filter by status and service code', async () => {
    const a = await h.submitAs('demo-resident-1')
    await h.submitAs('demo-resident-2', { categoryCode: 'neighbour.noise' })
    await h.act('demo-grid-1', 'sign', { caseId: a.id })
    await h.act('demo-grid-1', 'resolve', { caseId: a.id, disposition: 'solved', ledger: 'general', reply: '已清运' })

    const one = await open311Request(h.env.rt, a.number.toLowerCase())
    expect(one).toMatchObject({
      status: 200,
      body: [
        {
          service_request_id: a.number,
          status: 'closed',
          status_notes: '合理诉求限时解决：已清运',
          agency_responsible: '东县门社区第一网格',
        },
      ],
    })

    const open = await open311Requests(h.env.rt, { status: ['open'] })
    expect(open.status === 200 && open.body.map((r) => r.service_code)).toEqual(['neighbour.noise'])
    const both = await open311Requests(h.env.rt, { status: ['open,closed'] })
    expect(both.status === 200 && both.body.length).toBe(2)
    const litter = await open311Requests(h.env.rt, { service_code: ['environment.litter'] })
    expect(litter.status === 200 && litter.body.map((r) => r.service_request_id)).toEqual([a.number])
  })

  it('should page newest first and say when there is more', async () => {
    for (let i = 0; i < 3; i++) {
      await h.submitAs('demo-resident-1', { clientRequestId: `page-case-${i}` })
      h.env.clock.advance(60_000)
    }
    const first = await open311Requests(h.env.rt, { page_size: ['2'] })
    const second = await open311Requests(h.env.rt, { page_size: ['2'], page: ['2'] })
    expect([first.page, second.page]).toEqual([
      { page: 1, pageSize: 2, more: true },
      { page: 2, pageSize: 2, more: false },
    ])
    const numbers = [...(first.status === 200 ? first.body : []), ...(second.status === 200 ? second.body : [])].map(
      (r) => r.service_request_id,
    )
    expect(numbers).toEqual([...numbers].sort().reverse())
    expect(new Set(numbers).size).toBe(3)
  })

  it('should answer 404 for an unknown id and 400 for a bad query', async () => {
    expect(await open311Request(h.env.rt, 'BL-20200101-0001')).toMatchObject({ status: 404 })
    expect(await open311Requests(h.env.rt, { status: ['pending'] })).toMatchObject({ status: 400 })
  })
})
