import type { CaseDoc } from './collections'
import { casesHarness, closeChecked, signedCase, type CasesHarness } from './test-helpers'

/* The unit-side workflow of the cases function, on the demo data (see test-helpers.ts). */

let h: CasesHarness
beforeEach(async () => {
  h = await casesHarness()
})
afterEach(() => closeChecked(h))

const signed = () => signedCase(h)

describe('cases.addNote', () => {
  it('should keep a staff-only note off the petitioner’s timeline', async () => {
    const c = await signed()
    await h.act('demo-grid-1', 'addNote', { caseId: c.id, text: '已联系物业，明早处理', staffOnly: true })
    await h.act('demo-grid-1', 'addNote', { caseId: c.id, text: '明早9点前清运完毕' })
    const mine = await h.act('demo-resident-1', 'get', { caseId: c.id })
    const staff = await h.act('demo-grid-1', 'get', { caseId: c.id })
    expect(mine.ok && mine.data.timeline.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual([
      '明早9点前清运完毕',
    ])
    expect(staff.ok && staff.data.timeline.filter((e) => e.kind === 'note')).toHaveLength(2)
  })

  it('should let the petitioner add a public note but not a staff-only one', async () => {
    const c = await signed()
    expect(await h.act('demo-resident-1', 'addNote', { caseId: c.id, text: '晚上8点后在家' })).toMatchObject({
      ok: true,
    })
    expect(await h.act('demo-resident-1', 'addNote', { caseId: c.id, text: 'x', staffOnly: true })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })

  it('should refuse another resident with FORBIDDEN and an empty note with BAD_REQUEST', async () => {
    const c = await signed()
    expect(await h.act('demo-resident-2', 'addNote', { caseId: c.id, text: '我也是' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.act('demo-grid-1', 'addNote', { caseId: c.id, text: '' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })
})

describe('content check of text the petitioner reads', () => {
  const refused = { ok: false, error: { code: 'BAD_REQUEST', message: '填写的内容中含有不适宜的文字，请修改后再提交' } }

  it('should refuse a risky public note or reply and leave the case as it was', async () => {
    const c = await signed()
    expect(await h.act('demo-grid-1', 'addNote', { caseId: c.id, text: '可以来这里网赌' })).toMatchObject({
      ...refused,
      error: { ...refused.error, issues: [{ path: ['text'] }] },
    })
    expect(await h.act('demo-resident-1', 'addNote', { caseId: c.id, text: '卖冰毒的就在楼下' })).toMatchObject(refused)
    expect(
      await h.act('demo-grid-1', 'resolve', {
        caseId: c.id,
        disposition: 'solved',
        ledger: 'general',
        reply: '已处理，欢迎参与博彩',
      }),
    ).toMatchObject({
      ...refused,
      error: { ...refused.error, issues: [{ path: ['reply'] }] },
    })
    expect(
      await h.act('demo-grid-1', 'transfer', { caseId: c.id, toUnitId: 'g-dongxianmen-2', reason: '转给卖毒品的' }),
    ).toMatchObject(refused)
    const now = await h.act('demo-grid-1', 'get', { caseId: c.id })
    expect(now.ok && [now.data.status, now.data.timeline.length]).toEqual(['processing', c.timeline.length])
  })

  it('should let a staff-only note through unchecked and pass ordinary text', async () => {
    const c = await signed()
    expect(
      await h.act('demo-grid-1', 'addNote', {
        caseId: c.id,
        text: '居民反映楼下疑似有人网赌，已报派出所',
        staffOnly: true,
      }),
    ).toMatchObject({ ok: true })
    expect(
      await h.act('demo-grid-1', 'resolve', {
        caseId: c.id,
        disposition: 'solved',
        ledger: 'general',
        reply: '已清运完毕',
      }),
    ).toMatchObject({ ok: true })
  })
})

describe('cases.transfer', () => {
  it('should move the case to the department, which must sign anew, keeping the handling deadline', async () => {
    const c = await signed()
    const res = await h.act('demo-grid-1', 'transfer', {
      caseId: c.id,
      toUnitId: 'dept-beilin-chengguan',
      reason: '涉及占道经营，需城管处理',
    })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data).toMatchObject({
      status: 'pending_sign',
      handlingUnitId: 'dept-beilin-chengguan',
      handleDueAt: c.handleDueAt,
    })
    expect(res.data.can).toEqual(['follow']) // the grid no longer handles it: like any resident
    expect(await h.act('demo-grid-1', 'get', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('should refuse an unknown unit and the same unit with BAD_REQUEST', async () => {
    const c = await signed()
    expect(await h.act('demo-grid-1', 'transfer', { caseId: c.id, toUnitId: 'nowhere', reason: '转办' })).toMatchObject(
      { ok: false, error: { code: 'BAD_REQUEST' } },
    )
    expect(
      await h.act('demo-grid-1', 'transfer', { caseId: c.id, toUnitId: 'g-dongxianmen-1', reason: '转办' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('should refuse staff of another unit with FORBIDDEN', async () => {
    const c = await signed()
    expect(
      await h.act('demo-dept-1', 'transfer', { caseId: c.id, toUnitId: 'dept-beilin-zhujian', reason: '转办' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('cases.returnCase', () => {
  it('should send the case up to the community, whose secretary may re-dispatch it', async () => {
    const c = await signed()
    const back = await h.act('demo-grid-1', 'returnCase', { caseId: c.id, reason: '不属于本网格范围' })
    expect(back.ok && [back.data.status, back.data.handlingUnitId]).toEqual(['returned', 'c-dongxianmen'])
    const again = await h.act('demo-secretary-1', 'transfer', {
      caseId: c.id,
      toUnitId: 'g-dongxianmen-2',
      reason: '属第二网格',
    })
    expect(again.ok && [again.data.status, again.data.handlingUnitId]).toEqual(['pending_sign', 'g-dongxianmen-2'])
  })

  it('should refuse a return without a reason with BAD_REQUEST', async () => {
    const c = await signed()
    expect(await h.act('demo-grid-1', 'returnCase', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })

  it('should refuse a resident with FORBIDDEN', async () => {
    const c = await signed()
    expect(await h.act('demo-resident-1', 'returnCase', { caseId: c.id, reason: '不想办了' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('cases extension', () => {
  it('should extend the deadline once the community secretary approves', async () => {
    const c = await signed()
    const asked = await h.act('demo-grid-1', 'requestExtension', { caseId: c.id, days: 3, reason: '需协调环卫车辆' })
    expect(asked.ok && asked.data.extension?.status).toBe('requested')
    expect(await h.act('demo-grid-1', 'reviewExtension', { caseId: c.id, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const ok = await h.act('demo-secretary-1', 'reviewExtension', { caseId: c.id, approve: true, comment: '同意' })
    expect(ok.ok && ok.data.handleDueAt).toBe('2026-12-02T16:00:00.000Z')
    expect(await h.act('demo-grid-1', 'requestExtension', { caseId: c.id, days: 1, reason: '再延一次' })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT' } },
    )
  })

  it('should keep the deadline when the extension is rejected', async () => {
    const c = await signed()
    await h.act('demo-grid-1', 'requestExtension', { caseId: c.id, days: 3, reason: '需协调' })
    const res = await h.act('demo-street-1', 'reviewExtension', { caseId: c.id, approve: false })
    expect(res.ok && [res.data.extension?.status, res.data.handleDueAt]).toEqual(['rejected', c.handleDueAt])
  })

  it('should refuse more days than the handling window with BAD_REQUEST', async () => {
    const c = await signed()
    expect(await h.act('demo-grid-1', 'requestExtension', { caseId: c.id, days: 8, reason: '需协调' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })
})

describe('cases.supervise', () => {
  it('should record 督办 from the street on the petitioner’s timeline and tell the grid', async () => {
    const c = await signed()
    const res = await h.act('demo-street-1', 'supervise', { caseId: c.id, comment: '请加快办理' })
    expect(res.ok).toBe(true)
    const mine = await h.act('demo-resident-1', 'get', { caseId: c.id })
    expect(mine.ok && mine.data.timeline.at(-1)?.text).toBe('督办：请加快办理')
    expect(await h.caseNoticeTitles('demo-grid-1')).toContain('诉求被督办')
  })

  it('should refuse the handling grid worker with FORBIDDEN', async () => {
    const c = await signed()
    expect(await h.act('demo-grid-1', 'supervise', { caseId: c.id, comment: '自己督办自己' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('cases.markDuplicate and cases.follow', () => {
  it('should merge a second report into the first by its number', async () => {
    const first = await h.submitAs('demo-resident-1')
    const second = await h.submitAs('demo-resident-2')
    const res = await h.act('demo-grid-1', 'markDuplicate', {
      caseId: second.id,
      duplicateOfNumber: first.number.toLowerCase(),
    })
    expect(res.ok && [res.data.status, res.data.duplicateOf]).toEqual(['duplicate', first.number])
  })

  it('should refuse marking a case a duplicate of itself or of an unknown number', async () => {
    const c = await h.submitAs('demo-resident-1')
    expect(await h.act('demo-grid-1', 'markDuplicate', { caseId: c.id, duplicateOfNumber: c.number })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
    expect(
      await h.act('demo-grid-1', 'markDuplicate', { caseId: c.id, duplicateOfNumber: 'BL-20200101-0001' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(
      await h.act('demo-grid-1', 'markDuplicate', { caseId: c.id, duplicateOfNumber: 'not a number' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('should let another resident follow once, and tell followers when it is resolved', async () => {
    const c = await signed()
    expect(await h.act('demo-resident-2', 'follow', { caseId: c.id })).toEqual({ ok: true, data: { followerCount: 1 } })
    expect(await h.act('demo-resident-2', 'follow', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await h.act('demo-resident-1', 'follow', { caseId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    await h.act('demo-grid-1', 'resolve', { caseId: c.id, disposition: 'solved', ledger: 'common', reply: '已清运' })
    expect(await h.caseNoticeTitles('demo-resident-2')).toEqual(['已关注诉求', '您关注的诉求已办结'].sort())
  })
})

describe('cases transitions under contention', () => {
  it('should let exactly one of two simultaneous signatures through', async () => {
    const c = await h.submitAs('demo-resident-1')
    const both = await Promise.all([
      h.act('demo-grid-1', 'sign', { caseId: c.id }),
      h.act('demo-secretary-1', 'sign', { caseId: c.id }),
    ])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const doc = (await h.env.docs<CaseDoc>('cases'))[0]!
    expect(doc.timeline.filter((e) => e.kind === 'signed')).toHaveLength(1)
  })
})
