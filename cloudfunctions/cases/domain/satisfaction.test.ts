import type { Satisfaction } from '../../../types/cases'
import { formatShanghai } from './deadlines'
import { applyRating, isSatisfied, needsRevisit, revisitDueAt } from './satisfaction'

const now = new Date('2026-12-01T02:00:00Z')

describe('satisfaction', () => {
  it.each<[Satisfaction, number, boolean, string]>([
    ['satisfied', 0, false, 'closed'],
    ['basically_satisfied', 0, false, 'closed'],
    ['dissatisfied', 0, true, 'processing'],
    ['dissatisfied', 1, false, 'closed'],
    ['satisfied', 1, false, 'closed'],
  ])('should turn %s after %i reopenings into reopen=%s, status %s', (value, reopenCount, reopen, status) => {
    const out = applyRating({ reopenCount }, value, '', 'petitioner', now)
    expect([out.reopen, out.status]).toEqual([reopen, status])
    expect(out.rating).toEqual({ value, comment: '', source: 'petitioner', ratedAt: now.toISOString() })
  })

  it('should tell the petitioner what happened in the timeline text', () => {
    expect(applyRating({ reopenCount: 0 }, 'dissatisfied', '路灯还是不亮', 'petitioner', now).text).toBe(
      '诉求人评价：不满意（路灯还是不亮），诉求重新交办',
    )
    expect(applyRating({ reopenCount: 0 }, 'satisfied', '', 'revisit', now).text).toBe('回访：满意，诉求结案')
  })

  it('should count 满意 and 基本满意 as satisfied', () => {
    expect((['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map(isSatisfied)).toEqual([
      true,
      true,
      false,
    ])
  })

  it('should fall the revisit due two weeks after resolution, Shanghai wall time', () => {
    expect(formatShanghai(revisitDueAt(new Date('2026-11-22T15:30:00Z')))).toBe('2026-12-06 23:30')
  })

  it.each([
    ['resolved, unrated, due', { status: 'resolved', rating: null, revisitDueAt: '2026-12-01T02:00:00Z' }, true],
    [
      'resolved, unrated, not yet due',
      { status: 'resolved', rating: null, revisitDueAt: '2026-12-01T02:00:01Z' },
      false,
    ],
    [
      'already rated',
      {
        status: 'resolved',
        rating: { value: 'satisfied', comment: '', source: 'petitioner', ratedAt: '' },
        revisitDueAt: '2026-11-01T00:00:00Z',
      },
      false,
    ],
    ['still processing', { status: 'processing', rating: null, revisitDueAt: '2026-11-01T00:00:00Z' }, false],
  ] as const)('should decide whether a revisit is needed: %s', (_n, c, expected) => {
    expect(needsRevisit({ reopenCount: 0, ...c, rating: c.rating ? { ...c.rating } : null }, now)).toBe(expected)
  })
})
