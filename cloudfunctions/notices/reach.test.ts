import ExcelJS from 'exceljs'
import { DEMO_PLACES } from '../../demo/places'
import type { NotReachedPerson, Reach } from '../../types/notices'
import { NOTICE_COLLECTIONS } from './collections'
import { C, G1, G2, grantNoticePush, noticesHarness, STREET, type NoticesHarness } from './test-helpers'

type NotReached = { items: NotReachedPerson[]; total: number }

describe('notices reach, notReached, recordFollowUp, remind and exportReach', () => {
  let h: NoticesHarness
  let noticeId: string
  beforeEach(async () => {
    h = await noticesHarness()
    noticeId = (await h.publish('demo-secretary-1', { audience: { unitIds: [C] }, ackRequired: true })).id
  })
  afterEach(async () => {
    const { answered, recounted } = await h.reachRecount(noticeId)
    await h.env.close()
    expect(answered).toEqual(recounted)
  })

  /** The secretary's export, as rows of values by sheet name. */
  async function exported(): Promise<(sheet: string) => unknown[][]> {
    const res = await h.act<{ fileId: string }>('demo-secretary-1', 'exportReach', { noticeId })
    if (!res.ok) throw new Error(res.error.message)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await h.env.storedFile(res.data.fileId)) as unknown as ExcelJS.Buffer)
    return (sheet) =>
      book
        .getWorksheet(sheet)!
        .getSheetValues()
        .flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []))
  }

  it('should count recipients, reads and acknowledgements by grid', async () => {
    await h.open('demo-resident-1', noticeId)
    await h.act('demo-resident-2', 'acknowledge', { noticeId })
    const res = await h.act<Reach>('demo-secretary-1', 'reach', { noticeId })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.total).toMatchObject({
      recipients: 8,
      read: 2,
      acknowledged: 1,
      notReached: 6,
      noPermission: 0,
      pushed: 0,
    })
    const rows = Object.fromEntries(res.data.byUnit.map((u) => [u.unitId, [u.recipients, u.read]]))
    // 李建国 has declared no address: he counts in the community, in no grid.
    expect(rows).toMatchObject({ [C]: [8, 2], [G1]: [2, 1], [G2]: [0, 0] })
  })

  it("should break a grid down into its 楼栋 when the secretary opens the grid's row", async () => {
    await h.open('demo-resident-1', noticeId)
    const res = await h.act<Reach>('demo-secretary-1', 'reach', { noticeId, unitId: G1 })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.data.total).toMatchObject({ recipients: 2, read: 1 })
    const rows = Object.fromEntries(res.data.byUnit.map((u) => [u.unitId, [u.recipients, u.read]]))
    expect(rows).toMatchObject({ [G1]: [2, 1], [DEMO_PLACES.building]: [2, 1] })
    expect(res.data.byUnit.filter((u) => u.unitId !== G1).every((u) => u.unitId.startsWith('b-'))).toBe(true)
  })

  it("should answer the sending unit's own row with the whole notice, also when no receipt names that unit", async () => {
    await h.open('demo-resident-1', noticeId)
    const own = await h.act<Reach>('demo-secretary-1', 'reach', { noticeId, unitId: C })
    const whole = await h.act<Reach>('demo-secretary-1', 'reach', { noticeId })
    expect(own.ok && own.data).toEqual(whole.ok && whole.data)
    // A street's notice: receipts carry communities and grids, never the street.
    const street = (await h.publish('demo-street-1', { unitId: STREET, audience: { unitIds: [C] } })).id
    const streetRow = await h.act<Reach>('demo-street-1', 'reach', { noticeId: street, unitId: STREET })
    expect(streetRow.ok && streetRow.data.total).toMatchObject({ recipients: 8, notReached: 8 })
    expect(streetRow.ok && streetRow.data.byUnit.map((u) => u.unitId)).toContain(C)
    const people = await h.act<NotReached>('demo-street-1', 'notReached', { noticeId: street, unitId: STREET })
    expect(people.ok && [people.data.items.length, people.data.total]).toEqual([8, 8])
  })

  it('should count everyone not reached when the page is full, and say who can be reminded', async () => {
    await grantNoticePush(h.env, 'demo-resident-1', 1)
    const page = await h.act<NotReached>('demo-secretary-1', 'notReached', { noticeId, limit: 1 })
    expect(page.ok && [page.data.items.length, page.data.total]).toEqual([1, 8])
    const grid = await h.act<NotReached>('demo-grid-1', 'notReached', { noticeId, unitId: G1 })
    const canRemind = grid.ok ? grid.data.items.map((p) => [p.name, p.canRemind]).sort() : []
    expect(canRemind).toEqual([
      ['张志强', false],
      ['王秀兰', true],
    ])
  })

  it('should show the grid worker full names and phones in their grid, and the secretary masked ones', async () => {
    const worker = await h.act<NotReached>('demo-grid-1', 'notReached', { noticeId, unitId: G1 })
    expect(worker.ok && worker.data.items.map((p) => [p.name, p.phone]).sort()).toEqual([
      ['张志强', '13991230003'],
      ['王秀兰', '13991230001'],
    ])
    const secretary = await h.act<NotReached>('demo-secretary-1', 'notReached', { noticeId, unitId: G1 })
    expect(secretary.ok && secretary.data.items.map((p) => [p.name, p.phone]).sort()).toEqual([
      ['张**', '139****0003'],
      ['王**', '139****0001'],
    ])
    expect(JSON.stringify(secretary)).not.toContain('demo-')
  })

  it('should refuse a grid worker the neighbouring grid and a resident altogether', async () => {
    const other = await h.act('demo-grid-1', 'notReached', { noticeId, unitId: G2 })
    expect(other.ok || other.error.code).toBe('FORBIDDEN')
    const resident = await h.act('demo-resident-1', 'reach', { noticeId })
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN')
    const bad = await h.act('demo-secretary-1', 'notReached', { noticeId, limit: 0 })
    expect(bad.ok || bad.error.code).toBe('BAD_REQUEST')
  })

  it('should count a phone follow-up as reached, by the reference notReached gave', async () => {
    const list = await h.act<NotReached>('demo-grid-1', 'notReached', { noticeId, unitId: G1 })
    const zhang = list.ok ? list.data.items.find((p) => p.name === '张志强')! : null
    const res = await h.act('demo-grid-1', 'recordFollowUp', {
      noticeId,
      openid: zhang!.ref,
      method: 'phone',
      note: '已电话告知，会提前储水',
    })
    expect(res.ok && res.data).toEqual({ reached: true })
    const after = await h.act<NotReached>('demo-grid-1', 'notReached', { noticeId, unitId: G1 })
    expect(after.ok && after.data.items.map((p) => p.name)).toEqual(['王秀兰'])
    const reach = await h.act<Reach>('demo-secretary-1', 'reach', { noticeId })
    expect(reach.ok && reach.data.total.followedUp).toBe(1)
    // Opening it afterwards marks it read and leaves it counted as the follow-up reached it.
    const opened = await h.act<{ read: boolean }>('demo-volunteer-1', 'get', { noticeId })
    expect(opened.ok && opened.data.read).toBe(true)
    const again = await h.act<Reach>('demo-secretary-1', 'reach', { noticeId })
    expect(again.ok && [again.data.total.followedUp, again.data.total.read]).toEqual([1, 1])
  })

  it('should refuse a follow-up with a raw openid, an unknown method, or by the neighbouring grid worker', async () => {
    const raw = await h.act('demo-grid-1', 'recordFollowUp', {
      noticeId,
      openid: 'demo-resident-1',
      method: 'phone',
      note: '',
    })
    expect(raw.ok || raw.error.code).toBe('NOT_FOUND')
    const list = await h.act<NotReached>('demo-secretary-1', 'notReached', { noticeId, unitId: G2 })
    expect(list.ok && list.data.total).toBe(0)
    const community = await h.act<NotReached>('demo-secretary-1', 'notReached', { noticeId, unitId: C })
    const ref = community.ok ? community.data.items.find((p) => p.unitName === '')!.ref : ''
    const method = await h.act('demo-secretary-1', 'recordFollowUp', {
      noticeId,
      openid: ref,
      method: 'wechat',
      note: '',
    })
    expect(method.ok || method.error.code).toBe('BAD_REQUEST')
    const neighbour = await h.act('demo-grid-1', 'recordFollowUp', { noticeId, openid: ref, method: 'visit', note: '' })
    expect(neighbour.ok || neighbour.error.code).toBe('FORBIDDEN')
  })

  it('should remind again only with a grant and at most once a day', async () => {
    const list = await h.act<NotReached>('demo-grid-1', 'notReached', { noticeId, unitId: G1 })
    const wang = list.ok ? list.data.items.find((p) => p.name === '王秀兰')! : null
    const noGrant = await h.act('demo-grid-1', 'remind', { noticeId, ref: wang!.ref })
    expect(noGrant.ok || noGrant.error.message).toContain('没有开启通知提醒')
    await h.env.rt.db.collection('subscriptions').doc('demo-resident-1:demo-noticeUrgent').set({
      openid: 'demo-resident-1',
      templateId: 'demo-noticeUrgent',
      remaining: 2,
      accepted: 2,
      rejected: 0,
      updatedAt: '',
    })
    expect((await h.act('demo-grid-1', 'remind', { noticeId, ref: wang!.ref })).ok).toBe(true)
    const twice = await h.act('demo-grid-1', 'remind', { noticeId, ref: wang!.ref })
    expect(twice.ok || twice.error.code).toBe('RATE_LIMITED')
    const templated = (
      await h.env.docs<{ title: string; template: unknown }>('outbox', { openid: 'demo-resident-1' })
    ).filter((o) => o.title.startsWith('提醒'))
    expect(templated).toHaveLength(1)
    const resident = await h.act('demo-resident-1', 'remind', { noticeId, ref: wang!.ref })
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN')
  })

  it('should export the same figures and people the reach views show, with no openid', async () => {
    await h.open('demo-resident-1', noticeId)
    await h.act('demo-resident-2', 'acknowledge', { noticeId })
    const rows = await exported()
    const reach = await h.act<Reach>('demo-secretary-1', 'reach', { noticeId })
    const people = await h.act<NotReached>('demo-secretary-1', 'notReached', { noticeId, limit: 200 })
    if (!reach.ok || !people.ok) throw new Error('reach views failed')
    const figures = (r: Reach['total']) => [
      r.recipients,
      r.delivered,
      r.read,
      r.acknowledged,
      r.followedUp,
      r.notReached,
      r.pushed,
      r.noPermission,
    ]
    expect(rows('触达情况').slice(1)).toEqual([
      ['合计', ...figures(reach.data.total)],
      ...reach.data.byUnit.map((u) => [u.unitName, ...figures(u)]),
    ])
    expect(rows('未触达名单').slice(1)).toEqual(
      people.data.items.map((p) => [p.name, p.phone, p.unitName, p.read ? '是' : '否']),
    )
    expect(people.data.items).toHaveLength(6)
    const cells = JSON.stringify([rows('触达情况'), rows('未触达名单')])
    const openids = (await h.env.docs<{ _id: string }>('users')).map((u) => u._id)
    expect(openids.filter((o) => cells.includes(o))).toEqual([])
  })

  it('should list the first 200 people not reached in the export and count the others in a last line', async () => {
    const [one] = await h.receipts(noticeId)
    const extra = Array.from({ length: 200 }, (_, i) => ({ ...one!, _id: `extra-${i}`, openid: `extra-${i}` }))
    for (const r of extra) await h.env.rt.db.collection(NOTICE_COLLECTIONS.receipts).add(r)
    const list = (await exported())('未触达名单')
    expect(list).toHaveLength(1 + 200 + 1)
    expect(list.at(-1)).toEqual(['另有 8 人，请在小程序中按网格查看'])
  })

  it('should export the reach report as a spreadsheet, and refuse a grid worker the whole notice', async () => {
    const res = await h.act<{ fileName: string; url: string }>('demo-secretary-1', 'exportReach', { noticeId })
    expect(res.ok && res.data.fileName).toBe('通知触达情况-东县门社区停水通知.xlsx')
    const worker = await h.act('demo-grid-1', 'exportReach', { noticeId })
    expect(worker.ok || worker.error.code).toBe('FORBIDDEN')
    const bad = await h.act('demo-secretary-1', 'exportReach', { noticeId: '' })
    expect(bad.ok || bad.error.code).toBe('BAD_REQUEST')
  })
})
