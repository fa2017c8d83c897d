import * as contract from '../../../types/cases'
import type { Category } from '../../../types/cases-routing'
import { SubmitCaseInputSchema } from '../../../types/cases-contract'
import { TIMELINE_LABELS, charCount, deadlineText, formatRate, groupCategories, newClientRequestId } from './format'

describe('case format helpers', () => {
  it('should have a timeline word for every kind of step', () => {
    expect(Object.keys(TIMELINE_LABELS).sort()).toEqual([...contract.TimelineKindSchema.options].sort())
  })

  it('should make client request ids the contract accepts, different each time', () => {
    const a = newClientRequestId()
    const b = newClientRequestId()
    expect(a).not.toBe(b)
    expect(SubmitCaseInputSchema.shape.clientRequestId.safeParse(a).success).toBe(true)
    expect(newClientRequestId(0, () => 0)).toBe('app-0-00000000')
  })

  it('should group leaf categories under their groups in order and drop empty groups', () => {
    const cat = (code: string, parentCode: string | null, active = true) =>
      ({ code, parentCode, name: code, active }) as Category
    const groups = groupCategories([
      cat('a', null),
      cat('a.x', 'a'),
      cat('a.y', 'a', false),
      cat('b', null),
      cat('c', null),
      cat('c.z', 'c'),
    ])
    expect(groups.map((g) => [g.code, g.leaves.map((l) => l.code)])).toEqual([
      ['a', ['a.x']],
      ['c', ['c.z']],
    ])
  })

  it('should say which deadline a case is waiting on, in Shanghai time', () => {
    const c = { ackDueAt: '2026-11-23T02:00:00Z', handleDueAt: '2026-11-29T15:59:59Z', overdue: false }
    expect(deadlineText({ ...c, status: 'pending_sign' }, 'staff')).toMatch(/^应于 (2026年)?11月23日 10:00 前签收$/)
    expect(deadlineText({ ...c, status: 'processing', overdue: true }, 'staff')).toMatch(
      /^已超期 · 应于 (2026年)?11月29日 23:59 前办结$/,
    )
    expect(deadlineText({ ...c, status: 'closed' }, 'staff')).toBe('')
  })

  it('should tell a resident when they will hear back, not the unit’s own deadlines', () => {
    const c = { ackDueAt: '2026-11-23T02:00:00Z', handleDueAt: '2026-11-29T15:59:59Z', overdue: false }
    expect(deadlineText({ ...c, status: 'pending_sign' }, 'resident')).toMatch(
      /^预计 (2026年)?11月29日 23:59 前答复您$/,
    )
    expect(deadlineText({ ...c, status: 'processing', overdue: true }, 'resident')).toBe(
      '已超过预计答复时间，正在督促办理',
    )
    expect(deadlineText({ ...c, status: 'resolved' }, 'resident')).toBe('')
  })

  it('should count an emoji as one character and format rates', () => {
    expect(charCount(' 路灯💡不亮 ')).toBe(5)
    expect([formatRate(0.875), formatRate(1), formatRate(null)]).toEqual(['87.5%', '100%', '—'])
  })
})
