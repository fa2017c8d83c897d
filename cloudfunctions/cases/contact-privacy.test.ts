import type { CaseDetail } from '../../types/cases'
import type { CaseDoc } from './collections'
import { open311Request } from './open311-service'
import { casesHarness, closeChecked, IN_GRID_1, type CasesHarness } from './test-helpers'

/*
 * The petitioner's two choices (issue 6): how to be answered (phone or mini-program messages
 * only) and whether the name may be shown beyond the handlers. Each combination is read by
 * the handling grid worker, the petitioner, another resident looking for similar cases
 * nearby, and an anonymous Open311 client.
 */

let h: CasesHarness
beforeEach(async () => {
  h = await casesHarness()
})
afterEach(() => closeChecked(h))

const WANG = { name: '王秀兰', phone: '13991230001' }

async function views(c: CaseDetail) {
  const handler = await h.act('demo-grid-1', 'get', { caseId: c.id })
  const own = await h.act('demo-resident-1', 'get', { caseId: c.id })
  const nearby = await h.act<{ items: Array<{ number: string; petitionerName: string | null }> }>(
    'demo-resident-2',
    'similarNearby',
    { categoryCode: 'environment.litter', location: IN_GRID_1 },
  )
  const open311 = await open311Request(h.env.rt, c.number)
  if (!handler.ok || !own.ok || !nearby.ok) throw new Error('a read failed')
  return {
    handler: handler.data.contact,
    own: own.data.contact,
    nearby: nearby.data.items.find((i) => i.number === c.number),
    open311: JSON.stringify(open311.body),
  }
}

describe('cases contact preference and name privacy', () => {
  it('should default to phone with the name hidden beyond the handlers', async () => {
    const c = await h.submitAs('demo-resident-1', { contact: WANG })
    const v = await views(c)
    expect(v.handler).toEqual({ ...WANG, preference: 'phone', showName: false })
    expect(v.own).toEqual({ ...WANG, preference: 'phone', showName: false })
    expect(v.nearby?.petitionerName).toBeNull()
    expect(v.open311).not.toContain('王')
  })

  it('should show handlers the name and phone, and others the masked name, when the petitioner asks for a call and allows the name', async () => {
    const c = await h.submitAs('demo-resident-1', { contact: WANG, contactPreference: 'phone', showName: true })
    const v = await views(c)
    expect(v.handler).toEqual({ ...WANG, preference: 'phone', showName: true })
    expect(v.nearby?.petitionerName).toBe('王**')
    // GeoReport has no field for a person: the name stays out even when allowed.
    expect(v.open311).not.toContain('王')
    expect(v.open311).not.toContain(WANG.phone)
  })

  it('should keep the phone from handlers and from storage when the petitioner wants messages only', async () => {
    // The profile has a phone: it must not be filled in behind the petitioner's back.
    const c = await h.submitAs('demo-resident-1', {
      contact: { name: WANG.name, phone: '' },
      contactPreference: 'message',
    })
    const v = await views(c)
    expect(v.handler).toEqual({ name: WANG.name, phone: '', preference: 'message', showName: false })
    expect(v.own).toEqual({ name: WANG.name, phone: '', preference: 'message', showName: false })
    expect(v.nearby?.petitionerName).toBeNull()
    const [stored] = await h.env.docs<CaseDoc>('cases', { _id: c.id })
    expect([stored?.contact.phone, stored?.contactPreference, stored?.showName]).toEqual(['', 'message', false])
  })

  it('should not keep a phone sent anyway when messages are preferred, and mask the allowed name for others', async () => {
    const c = await h.submitAs('demo-resident-1', { contact: WANG, contactPreference: 'message', showName: true })
    const v = await views(c)
    expect(v.handler).toEqual({ name: WANG.name, phone: '', preference: 'message', showName: true })
    expect(v.own?.phone).toBe('')
    expect(v.nearby?.petitionerName).toBe('王**')
    expect(v.open311).not.toContain('王')
  })

  it('should refuse an unknown contact preference with BAD_REQUEST and store nothing', async () => {
    const res = await h.env.call('demo-resident-1', 'cases', h.submitEvent({ contactPreference: 'letter' }))
    expect(!res.ok && res.error.code).toBe('BAD_REQUEST')
    expect(await h.env.docs('cases')).toHaveLength(0)
  })

  it('should keep a resident who did not submit the case from reading its contact', async () => {
    const c = await h.submitAs('demo-resident-1', { contact: WANG, showName: true })
    expect(await h.act('demo-resident-2', 'get', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})
