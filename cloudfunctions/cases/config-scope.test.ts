import type { CaseDetail } from '../../types/cases'
import type { RoutingRule } from '../../types/cases-routing'
import { addTopLevelAdmin, casesHarness, closeChecked, TOP_ADMIN, type CasesHarness } from './test-helpers'

/*
 * Issue 17, item 1: one district could pull another district's cases and residents'
 * contacts — a 碑林 admin saved a rule matching a 高陵 street and routing to a 碑林
 * community, and a grid worker could transfer a case to any unit of any district.
 */

let h: CasesHarness
beforeEach(async () => {
  h = await casesHarness()
})
afterEach(() => closeChecked(h))

const ADMIN = 'demo-admin' // 区级管理员 of 碑林区
const TOP = TOP_ADMIN
const IN_DONGFENG = { lng: 109.0818, lat: 34.5362 } // 高陵区 东风社区第一网格

const rules = async () => {
  const res = await h.act<{ items: RoutingRule[] }>(ADMIN, 'routingRules')
  return res.ok ? res.data.items : []
}

describe('cases.saveRoutingRule', () => {
  it('should refuse a 碑林 admin a rule that pulls a 高陵 street into 碑林, so 高陵 cases stay in 高陵', async () => {
    const pull = {
      id: 'rule-pull',
      name: '鹿苑诉求交东县门',
      priority: 1,
      match: { streetIds: ['s-luyuan'] },
      target: { kind: 'unit', unitId: 'c-dongxianmen' },
    }
    expect(await h.act(ADMIN, 'saveRoutingRule', pull)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('鹿苑街道') },
    })
    expect((await rules()).map((r) => r.id)).not.toContain('rule-pull')

    const filed = await h.submitAs('demo-resident-2', { location: IN_DONGFENG, address: '高陵区鹿苑大道' })
    expect(filed.handlingUnitId).toBe('g-dongfeng-1')
    expect(await h.act('demo-secretary-1', 'get', { caseId: filed.id })).toMatchObject({ ok: false })
  })

  it('should refuse a rule that sends the admin’s own cases to another district’s unit', async () => {
    const push = {
      id: 'rule-push',
      name: '住房问题交高陵',
      priority: 1,
      match: { districtIds: ['d-beilin'] },
      target: { kind: 'unit', unitId: 'dept-gaoling-zhujian' },
    }
    expect(await h.act(ADMIN, 'saveRoutingRule', push)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('should let the admin route their own district’s cases', async () => {
    const own = {
      id: 'rule-own',
      name: '碑林垃圾问题交街道',
      priority: 1,
      match: { districtIds: ['d-beilin'], categoryPrefixes: ['environment.litter'] },
      target: { kind: 'level', level: 'street' },
    }
    expect(await h.act(ADMIN, 'saveRoutingRule', own)).toMatchObject({ ok: true })
    expect((await h.submitAs('demo-resident-1')).handlingUnitId).toBe('s-baishulin')
    expect((await h.submitAs('demo-resident-2', { location: IN_DONGFENG })).handlingUnitId).toBe('g-dongfeng-1')
  })

  it('should keep a district admin from changing or deleting another district’s rule', async () => {
    const before = (await rules()).find((r) => r.id === 'rule-gaoling-dispute')!
    const hijack = {
      ...before,
      target: { kind: 'unit', unitId: 'c-dongxianmen' },
      match: { districtIds: ['d-beilin'] },
    }
    expect(await h.act(ADMIN, 'saveRoutingRule', hijack)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.act(ADMIN, 'deleteRoutingRule', { id: 'rule-gaoling-dispute' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await rules()).find((r) => r.id === 'rule-gaoling-dispute')).toEqual(before)
  })

  it('should leave rules for every place to the top-level admin', async () => {
    const everywhere = {
      id: 'rule-all',
      name: '全部热线件交街道',
      priority: 1,
      match: { channels: ['hotline'] },
      target: { kind: 'level', level: 'street' },
    }
    expect(await h.act(ADMIN, 'saveRoutingRule', everywhere)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('最上级管理员') },
    })
    await addTopLevelAdmin(h)
    expect(await h.act(TOP, 'saveRoutingRule', everywhere)).toMatchObject({ ok: true })
    expect(await h.act(TOP, 'deleteRoutingRule', { id: 'rule-gaoling-dispute' })).toEqual({
      ok: true,
      data: { deleted: true },
    })
  })

  it('should refuse a street that does not exist with BAD_REQUEST, and street staff with FORBIDDEN', async () => {
    const rule = {
      id: 'rule-x',
      name: '无效规则',
      priority: 1,
      match: { streetIds: ['s-nowhere'] },
      target: { kind: 'level', level: 'street' },
    }
    expect(await h.act(ADMIN, 'saveRoutingRule', rule)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(
      await h.act('demo-street-1', 'saveRoutingRule', { ...rule, match: { streetIds: ['s-baishulin'] } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('cases.saveCategory', () => {
  const pets = {
    code: 'environment.pets',
    parentCode: 'environment',
    name: '宠物粪便',
    routingLevel: 'grid',
    tier: 'general',
  }

  it('should leave the categories every district shares to the top-level admin', async () => {
    expect(await h.act(ADMIN, 'saveCategory', pets)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('最上级管理员') },
    })
    const list = await h.env.call<{ items: Array<{ code: string }> }>(null, 'cases', { action: 'categories' })
    expect(list.ok && list.data.items.map((c) => c.code)).not.toContain('environment.pets')
    await addTopLevelAdmin(h)
    expect(await h.act(TOP, 'saveCategory', pets)).toMatchObject({ ok: true })
  })
})

describe('cases.transfer', () => {
  it('should refuse a grid worker a transfer to another district’s department, leaving the case where it was', async () => {
    const c = await h.submitAs('demo-resident-1')
    const res = await h.act('demo-grid-1', 'transfer', {
      caseId: c.id,
      toUnitId: 'dept-gaoling-zhujian',
      reason: '请高陵区住建局处理',
    })
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('不在本诉求所在的区') },
    })
    const after = await h.act<CaseDetail>('demo-grid-1', 'get', { caseId: c.id })
    expect(after.ok && [after.data.handlingUnitId, after.data.status]).toEqual(['g-dongxianmen-1', c.status])
  })

  it('should let a grid worker transfer within the district', async () => {
    const c = await h.submitAs('demo-resident-1')
    const res = await h.act<CaseDetail>('demo-grid-1', 'transfer', {
      caseId: c.id,
      toUnitId: 'dept-beilin-zhujian',
      reason: '涉及房屋安全，需住建局处理',
    })
    expect(res.ok && res.data.handlingUnitId).toBe('dept-beilin-zhujian')
  })

  it('should let someone who also handles cases in the other district widen it', async () => {
    await addTopLevelAdmin(h)
    const c = await h.submitAs('demo-resident-1')
    const res = await h.act<CaseDetail>(TOP, 'transfer', {
      caseId: c.id,
      toUnitId: 'dept-gaoling-zhujian',
      reason: '房屋在高陵区，由高陵区住建局办理',
    })
    expect(res.ok && res.data.handlingUnitId).toBe('dept-gaoling-zhujian')
  })
})
