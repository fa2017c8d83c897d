import type { CaseDetail, CaseSummary, Figures } from '../../types/cases'
import type { RouteDecision } from '../../types/cases-routing'
import { CASE_COLLECTIONS } from './collections'
import { addTopLevelAdmin, casesHarness, closeChecked, IN_GRID_1, TOP_ADMIN, type CasesHarness } from './test-helpers'

/* Inbox, ledgers, figures, export, similar cases and the admin actions, on the demo data. */

let h: CasesHarness
beforeEach(async () => {
  h = await casesHarness()
})
afterEach(() => closeChecked(h))

const resolve = (id: string, ledger = 'general') =>
  h.act('demo-grid-1', 'resolve', { caseId: id, disposition: 'solved', ledger, reply: '已处理' })

async function resolvedCase(ledger = 'general'): Promise<CaseDetail> {
  const c = await h.submitAs('demo-resident-1')
  await h.act('demo-grid-1', 'sign', { caseId: c.id })
  await resolve(c.id, ledger)
  return c
}

describe('cases.inbox', () => {
  type Inbox = { items: CaseSummary[]; total: number; counts: Record<string, number> }

  it('should count every box of the grid and list the one asked for', async () => {
    const a = await h.submitAs('demo-resident-1')
    await h.submitAs('demo-resident-2')
    await h.act('demo-grid-1', 'sign', { caseId: a.id })
    const res = await h.act<Inbox>('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1', box: 'processing' })
    expect(res.ok && res.data.counts).toEqual({
      to_sign: 1,
      processing: 1,
      returned: 0,
      overdue: 0,
      revisit: 0,
      resolved: 0,
      extension: 0,
    })
    expect(res.ok && res.data.items.map((i) => i.id)).toEqual([a.id])
  })

  it('should show unsigned cases past their acknowledgement deadline as overdue', async () => {
    await h.submitAs('demo-resident-1')
    h.env.clock.advance(25 * 3_600_000)
    const res = await h.act<Inbox>('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1', box: 'overdue' })
    expect(res.ok && [res.data.counts.overdue, res.data.items[0]?.overdue]).toEqual([1, true])
  })

  it('should merge both kinds of lateness into the overdue box, earliest deadline first', async () => {
    const signedLate = await h.submitAs('demo-resident-1')
    await h.act('demo-grid-1', 'sign', { caseId: signedLate.id })
    h.env.clock.set('2026-11-29T02:00:00Z')
    const unsigned = await h.submitAs('demo-resident-2') // ack due 11-30 02:00
    h.env.clock.set('2026-11-30T03:00:00Z') // the first is past its handling deadline (11-29 16:00), the second past its ack
    const res = await h.act<Inbox>('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1', box: 'overdue' })
    expect(res.ok && res.data.items.map((i) => i.id)).toEqual([signedLate.id, unsigned.id])
    expect(res.ok && res.data.counts.overdue).toBe(2)
    const second = await h.act<Inbox>('demo-grid-1', 'inbox', {
      unitId: 'g-dongxianmen-1',
      box: 'overdue',
      page: 2,
      pageSize: 1,
    })
    expect(second.ok && second.data.items.map((i) => i.id)).toEqual([unsigned.id])
  })

  it('should put resolved unrated cases in the revisit box after two weeks', async () => {
    await resolvedCase()
    h.env.clock.advance(14 * 86_400_000)
    const res = await h.act<Inbox>('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1', box: 'revisit' })
    expect(res.ok && res.data.total).toBe(1)
  })

  it('should count every resolved case in 已办结, waiting for a 回访 or not, and list each box from one read', async () => {
    const old = await resolvedCase()
    h.env.clock.advance(14 * 86_400_000)
    const fresh = await resolvedCase()
    const ids = (r: Awaited<ReturnType<typeof h.act<Inbox>>>) => (r.ok ? r.data.items.map((i) => i.id).sort() : null)
    const done = await h.act<Inbox>('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1', box: 'resolved' })
    expect(done.ok && [done.data.counts.resolved, done.data.counts.revisit, done.data.total]).toEqual([2, 1, 2])
    expect(ids(done)).toEqual([old.id, fresh.id].sort())
    const revisit = await h.act<Inbox>('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1', box: 'revisit' })
    expect(ids(revisit)).toEqual([old.id])
    const rated = await h.act('demo-resident-1', 'rate', { caseId: fresh.id, value: 'satisfied' })
    expect(rated.ok).toBe(true)
    const after = await h.act<Inbox>('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1' })
    expect(after.ok && [after.data.counts.resolved, after.data.counts.revisit]).toEqual([1, 1])
  })

  it('should let the community secretary look into a grid below, but not the department', async () => {
    expect(await h.act('demo-secretary-1', 'inbox', { unitId: 'g-dongxianmen-1' })).toMatchObject({ ok: true })
    expect(await h.act('demo-dept-1', 'inbox', { unitId: 'g-dongxianmen-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('should refuse residents with FORBIDDEN and a bad box with BAD_REQUEST', async () => {
    expect(await h.act('demo-resident-1', 'inbox', { unitId: 'g-dongxianmen-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.act('demo-grid-1', 'inbox', { unitId: 'g-dongxianmen-1', box: 'spam' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })
})

describe('cases.ledger and cases.figures', () => {
  it('should file resolved cases in their ledger and show them to the street above', async () => {
    const a = await resolvedCase('common')
    await resolvedCase('general')
    const res = await h.act<{ items: CaseSummary[]; total: number }>('demo-street-1', 'ledger', {
      unitId: 's-baishulin',
      ledger: 'common',
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(res.ok && res.data.items.map((i) => i.id)).toEqual([a.id])
  })

  it('should leave cases resolved outside the range out of the ledger', async () => {
    await resolvedCase('common')
    const res = await h.act<{ total: number }>('demo-street-1', 'ledger', {
      unitId: 's-baishulin',
      ledger: 'common',
      from: '2026-11-23',
      to: '2026-11-30',
    })
    expect(res.ok && res.data.total).toBe(0)
  })

  it('should compute the unit figures from the cases submitted in the range', async () => {
    const a = await resolvedCase()
    await h.act('demo-resident-1', 'rate', { caseId: a.id, value: 'satisfied' })
    await resolvedCase()
    await h.submitAs('demo-resident-2')
    const res = await h.act<Figures & { byUnit: Array<Figures & { unitName: string }> }>(
      'demo-secretary-1',
      'figures',
      { unitId: 'c-dongxianmen', from: '2026-11-01', to: '2026-11-30' },
    )
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data).toMatchObject({
      received: 3,
      resolved: 2,
      resolvedOnTime: 2,
      rated: 1,
      satisfiedOrBasically: 1,
      satisfactionRate: 1,
      ratingRate: 0.5,
    })
    expect(res.data.byUnit.map((u) => [u.unitName, u.received])).toEqual([['东县门社区第一网格', 3]])
  })

  it('should take back a 不满意 case’s 办结 until it is resolved again, and follow a transfer to the new unit', async () => {
    type Fig = Figures & { byUnit: Array<Figures & { unitId: string }> }
    const figures = async (from = '2026-11-22', to = '2026-11-22') => {
      const res = await h.act<Fig>('demo-secretary-1', 'figures', { unitId: 'c-dongxianmen', from, to })
      if (!res.ok) throw new Error(JSON.stringify(res.error))
      return res.data
    }
    const a = await resolvedCase()
    expect(await figures()).toMatchObject({ received: 1, resolved: 1, rated: 0 })
    await h.act('demo-resident-1', 'rate', { caseId: a.id, value: 'dissatisfied', comment: '垃圾还在' })
    expect(await figures()).toMatchObject({ received: 1, resolved: 0, resolvedOnTime: 0, rated: 0, resolutionRate: 0 })
    await resolve(a.id)
    await h.act('demo-resident-1', 'rate', { caseId: a.id, value: 'basically_satisfied' })
    expect(await figures()).toMatchObject({ received: 1, resolved: 1, rated: 1, satisfiedOrBasically: 1 })

    const b = await h.submitAs('demo-resident-2')
    await h.act('demo-grid-1', 'sign', { caseId: b.id })
    await h.act('demo-grid-1', 'transfer', { caseId: b.id, toUnitId: 'g-dongxianmen-2', reason: '属第二网格' })
    const after = await figures()
    expect(after.received).toBe(2)
    expect(after.byUnit.map((u) => [u.unitId, u.received])).toEqual([
      ['g-dongxianmen-1', 1],
      ['g-dongxianmen-2', 1],
    ])
    // Submitted on the 22nd: a range that starts the day after counts none of them.
    expect(await figures('2026-11-23', '2026-11-30')).toMatchObject({ received: 0, resolutionRate: null, byUnit: [] })
  })

  it('should count a burst of submissions and resolutions once each, over however many documents its day took', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => h.submitAs(`demo-resident-${(i % 2) + 1}`)))
    await Promise.all(burst.slice(0, 6).map((c) => h.act('demo-grid-1', 'sign', { caseId: c.id })))
    await Promise.all(burst.slice(0, 6).map((c) => resolve(c.id)))
    // Written at once, the unit's day went to several documents (figure-counters.ts).
    expect((await h.env.docs(CASE_COLLECTIONS.figureCounters)).length).toBeGreaterThan(1)
    const res = await h.act<Figures>('demo-secretary-1', 'figures', {
      unitId: 'c-dongxianmen',
      from: '2026-11-22',
      to: '2026-11-22',
    })
    expect(res.ok && res.data).toMatchObject({ received: 12, resolved: 6, resolvedOnTime: 6, resolutionRate: 0.5 })
  })

  it('should refuse figures of a unit the caller does not belong to with FORBIDDEN', async () => {
    expect(
      await h.act('demo-grid-1', 'figures', { unitId: 'c-dongxianmen', from: '2026-11-01', to: '2026-11-30' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('should refuse a malformed date with BAD_REQUEST', async () => {
    expect(
      await h.act('demo-secretary-1', 'figures', { unitId: 'c-dongxianmen', from: '2026/11/01', to: '2026-11-30' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('should export the ledger as a workbook with one row per case', async () => {
    await resolvedCase('difficult')
    const res = await h.act<{ fileId: string; fileName: string; rowCount: number }>('demo-secretary-1', 'export', {
      unitId: 'c-dongxianmen',
      ledger: 'difficult',
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(res.ok && [res.data.rowCount, res.data.fileName]).toEqual([
      1,
      '东县门社区疑难问题2026-11-01至2026-11-30.xlsx',
    ])
  })
})

describe('cases.similarNearby', () => {
  it('should suggest open cases of the same category nearby, nearest first, without the petitioner', async () => {
    const c = await h.submitAs('demo-resident-1')
    await h.submitAs('demo-resident-1', { categoryCode: 'neighbour.noise' })
    const res = await h.act<{ items: Array<Record<string, unknown>> }>('demo-resident-2', 'similarNearby', {
      categoryCode: 'environment.litter',
      location: { lng: IN_GRID_1.lng + 0.001, lat: IN_GRID_1.lat },
    })
    expect(res.ok && res.data.items.map((i) => i.id)).toEqual([c.id])
    expect(res.ok && res.data.items[0]).not.toHaveProperty('contact')
    expect(res.ok && (res.data.items[0]!.distanceMeters as number)).toBeGreaterThan(80)
  })

  it('should not suggest cases beyond the radius or already resolved', async () => {
    await resolvedCase()
    const far = await h.act<{ items: unknown[] }>('demo-resident-2', 'similarNearby', {
      categoryCode: 'environment.litter',
      location: IN_GRID_1,
      radiusMeters: 100,
    })
    expect(far.ok && far.data.items).toEqual([])
  })
})

describe('cases admin', () => {
  it('should let the top-level admin add a leaf category that residents then see', async () => {
    await addTopLevelAdmin(h)
    const cat = {
      code: 'environment.pets',
      parentCode: 'environment',
      name: '宠物粪便',
      routingLevel: 'grid',
      tier: 'general',
    }
    expect(await h.act(TOP_ADMIN, 'saveCategory', cat)).toMatchObject({ ok: true })
    const list = await h.env.call<{ items: Array<{ code: string }> }>(null, 'cases', { action: 'categories' })
    expect(list.ok && list.data.items.map((c) => c.code)).toContain('environment.pets')
  })

  it('should refuse a leaf whose group does not exist with BAD_REQUEST', async () => {
    await addTopLevelAdmin(h)
    const cat = { code: 'pets.dogs', parentCode: 'pets', name: '犬只', routingLevel: 'grid', tier: 'general' }
    expect(await h.act(TOP_ADMIN, 'saveCategory', cat)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
  })

  it('should refuse category edits by street staff with FORBIDDEN', async () => {
    const cat = {
      code: 'environment.pets',
      parentCode: 'environment',
      name: '宠物粪便',
      routingLevel: 'grid',
      tier: 'general',
    }
    expect(await h.act('demo-street-1', 'saveCategory', cat)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('should route new cases by a rule the admin saves, and stop when it is deleted', async () => {
    const rule = {
      id: 'rule-litter-street',
      name: '垃圾问题交街道',
      priority: 1,
      match: { districtIds: ['d-beilin'], categoryPrefixes: ['environment.litter'] },
      target: { kind: 'level', level: 'street' },
    }
    expect(await h.act('demo-admin', 'saveRoutingRule', rule)).toMatchObject({ ok: true })
    const preview = await h.act<RouteDecision>('demo-admin', 'previewRoute', {
      categoryCode: 'environment.litter',
      location: IN_GRID_1,
    })
    expect(preview.ok && [preview.data.unitId, preview.data.ruleId]).toEqual(['s-baishulin', 'rule-litter-street'])
    expect((await h.submitAs('demo-resident-1')).handlingUnitId).toBe('s-baishulin')
    expect(await h.act('demo-admin', 'deleteRoutingRule', { id: rule.id })).toEqual({
      ok: true,
      data: { deleted: true },
    })
    expect((await h.submitAs('demo-resident-1')).handlingUnitId).toBe('g-dongxianmen-1')
  })

  it('should refuse a rule pointing at a missing unit with BAD_REQUEST', async () => {
    const rule = { id: 'rule-x', name: '无效规则', priority: 1, match: {}, target: { kind: 'unit', unitId: 'nowhere' } }
    expect(await h.act('demo-admin', 'saveRoutingRule', rule)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
  })

  it('should list the rules in priority order', async () => {
    const res = await h.act<{ items: Array<{ id: string }> }>('demo-admin', 'routingRules')
    expect(res.ok && res.data.items.map((r) => r.id)).toEqual([
      'rule-property-joint',
      'rule-gaoling-dispute',
      'rule-hotline-safety',
    ])
  })
})
