import type { CaseDetail } from '../../types/cases'
import { open311Request, open311Requests, open311Services, open311SubmitEvent, toPostAnswer } from './open311-service'
import { casesHarness, closeChecked, IN_GRID_1, type CasesHarness } from './test-helpers'

/* The Open311 GeoReport v2 readers and the POST path through the cases function, on the demo data. */

let h: CasesHarness
beforeEach(async () => {
  h = await casesHarness()
})
afterEach(() => closeChecked(h))

describe('open311 service', () => {
  it('should list the demo leaf categories as services with their groups', async () => {
    const services = await open311Services(h.env.rt.db)
    expect(services.find((s) => s.service_code === 'property.elevator')).toMatchObject({ service_name: '电梯故障', group: '物业服务', type: 'realtime' })
    expect(services.some((s) => s.service_code === 'property')).toBe(false)
  })

  it('should create a hotline case from a POST as the street’s hotline operator', async () => {
    const event = open311SubmitEvent({ service_code: 'safety.hazard', lat: String(IN_GRID_1.lat), long: String(IN_GRID_1.lng), description: '楼道堆放电动车电池', phone: '13800000000' }, 'open311-0001')
    expect(event.status).toBe(200)
    const res = await h.env.call<{ case: CaseDetail }>('demo-street-1', 'cases', event.body)
    expect(res.ok).toBe(true)
    if (!res.ok) return
    // rule-hotline-safety: hotline safety cases go to the street
    expect([res.data.case.channel, res.data.case.handlingUnitId]).toEqual(['hotline', 's-baishulin'])
    expect(toPostAnswer(res.data.case)).toEqual([{ service_request_id: res.data.case.number, service_notice: '已交「柏树林街道」办理', account_id: null }])
  })

  it('should answer 400 with the spec’s error list for a POST without a location', () => {
    expect(open311SubmitEvent({ service_code: 'safety.hazard', description: 'x' }, 'open311-0002')).toMatchObject({ status: 400, body: [{ code: 400 }] })
  })

  it('should read requests by id and filter by status and service code', async () => {
    const a = await h.submitAs('demo-resident-1')
    await h.submitAs('demo-resident-2', { categoryCode: 'neighbour.noise' })
    await h.act('demo-grid-1', 'sign', { caseId: a.id })
    await h.act('demo-grid-1', 'resolve', { caseId: a.id, disposition: 'solved', ledger: 'general', reply: '已清运' })

    const one = await open311Request(h.env.rt, a.number.toLowerCase())
    expect(one).toMatchObject({ status: 200, body: [{ service_request_id: a.number, status: 'closed', status_notes: '合理诉求限时解决：已清运', agency_responsible: '东县门社区第一网格' }] })

    const open = await open311Requests(h.env.rt, { status: 'open' })
    expect(open.status === 200 && open.body.map((r) => r.service_code)).toEqual(['neighbour.noise'])
    const litter = await open311Requests(h.env.rt, { service_code: 'environment.litter' })
    expect(litter.status === 200 && litter.body.map((r) => r.service_request_id)).toEqual([a.number])
  })

  it('should answer 404 for an unknown id and 400 for a bad query', async () => {
    expect(await open311Request(h.env.rt, 'BL-20200101-0001')).toMatchObject({ status: 404 })
    expect(await open311Requests(h.env.rt, { status: 'pending' })).toMatchObject({ status: 400 })
  })
})
