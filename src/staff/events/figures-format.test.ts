import { kindsLine, peopleLine, shiftMonth } from './figures-format'

const counts = {
  events: 2,
  held: 1,
  signUps: 4,
  present: 3,
  absent: 1,
  walkIns: 1,
  attendees: 4,
  partyMembers: 2,
  hours: 1.5,
  rated: 0,
  satisfiedOrBasically: 0,
  attendanceRate: 0.75,
  noShowRate: 0.25,
  partyShare: 0.5,
  satisfactionRate: null,
}

describe('figures-format', () => {
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
  ])('should move %s by %i month to %s', (month, by, want) => {
    expect(shiftMonth(month, by)).toBe(want)
  })

  it('should name the kinds held and say when there were none', () => {
    expect(
      kindsLine({
        byKind: [
          { kind: 'bench_meeting', events: 2 },
          { kind: 'clinic', events: 1 },
        ],
      }),
    ).toBe('板凳会 2、义诊 1')
    expect(kindsLine({ byKind: [] })).toBe('本月没有活动')
  })

  it('should state attendance with its rates, and nothing before an event was held', () => {
    expect(peopleLine(counts)).toContain('签到 3 人（75%），缺席 1 人（25%）')
    expect(peopleLine(counts)).toContain('满意率 —')
    expect(peopleLine({ ...counts, held: 0 })).toBe('本月还没有已结束的活动')
  })
})
