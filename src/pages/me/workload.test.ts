import type { CapabilityGrant } from '../../../types/policy'
import { workloadRows } from './workload'

const me = (...capabilities: CapabilityGrant['capability'][]) => ({
  capabilities: capabilities.map((capability) => ({ capability, unitIds: ['u1'] })),
})

describe('workloadRows', () => {
  it('should show a grid worker the three case counts, overdue marked when there is any', () => {
    const rows = workloadRows(me('cases.handle'), { to_sign: 2, processing: 0, overdue: 1 })
    expect(rows.map((r) => [r.title, r.count, r.urgent])).toEqual([
      ['待签收', 2, false],
      ['办理中', 0, false],
      ['已超期', 1, true],
    ])
  })

  it('should add 延期待审核, 待审核心愿 and 待审核志愿者 for a community secretary, each opening its box', () => {
    const rows = workloadRows(me('cases.handle', 'cases.supervise', 'wishes.review', 'volunteers.review'), {
      to_sign: 0,
      processing: 0,
      overdue: 0,
      extension: 1,
      pendingWishes: 0,
      volunteerApplications: 3,
    })
    expect(rows.slice(3).map((r) => [r.title, r.url, r.urgent])).toEqual([
      ['延期待审核', '/staff/cases/index?box=extension', true],
      ['待审核心愿', '/staff/wishes/index', false],
      ['待审核志愿者', '/staff/volunteers/index', true],
    ])
  })

  it('should show nothing a person has no capability for, even when a count came back', () => {
    expect(workloadRows(me('wishes.review'), { to_sign: 4, pendingWishes: 2 }).map((r) => r.key)).toEqual([
      'pendingWishes',
    ])
    expect(workloadRows(null, { to_sign: 4 })).toEqual([])
  })
})
