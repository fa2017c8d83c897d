import { describeRule, occurrenceDates } from './series'

describe('series', () => {
  it.each([
    // 2026-11-30 is a Monday
    [{ kind: 'weekly', weekday: 1 } as const, '2026-11-30', 3, ['2026-11-30', '2026-12-07', '2026-12-14']],
    [{ kind: 'weekly', weekday: 3 } as const, '2026-11-30', 2, ['2026-12-02', '2026-12-09']],
    // across a month end and a year end
    [{ kind: 'weekly', weekday: 7 } as const, '2026-12-21', 3, ['2026-12-27', '2027-01-03', '2027-01-10']],
    [{ kind: 'monthly', day: 28 } as const, '2026-12-29', 3, ['2027-01-28', '2027-02-28', '2027-03-28']],
    [{ kind: 'monthly', day: 15 } as const, '2026-11-15', 2, ['2026-11-15', '2026-12-15']],
    [{ kind: 'monthly', day: 1 } as const, '2026-11-30', 2, ['2026-12-01', '2027-01-01']],
  ])('should place %j from %s × %i on %j', (rule, from, count, dates) => {
    expect(occurrenceDates(rule, from, count)).toEqual(dates)
  })

  it('should describe the rule in words', () => {
    expect(describeRule({ kind: 'weekly', weekday: 1 })).toBe('每周一')
    expect(describeRule({ kind: 'monthly', day: 10 })).toBe('每月10日')
  })
})
