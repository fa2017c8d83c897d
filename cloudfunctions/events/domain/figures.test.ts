import { monthFigures, monthRange, tallyDelta, tallyOf, zeroTally, type TallyRecord } from './figures'

const present = (over: Partial<TallyRecord> = {}): TallyRecord => ({
  status: 'present',
  registrationId: 'e1:r1',
  partyMember: false,
  hours: null,
  reversal: null,
  ...over,
})

describe('monthRange', () => {
  it.each([
    ['2026-11', '2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2027-02', '2027-01-31T16:00:00.000Z', '2027-02-28T16:00:00.000Z'],
  ])('should give %s as Shanghai midnight to midnight', (month, start, end) => {
    expect(monthRange(month)).toEqual({ start, end })
  })
})

describe('tallyDelta', () => {
  it.each<[string, TallyRecord | null, TallyRecord, Partial<ReturnType<typeof zeroTally>>]>([
    ['a registered check-in', null, present(), { present: 1 }],
    ['a 党员 walk-in', null, present({ registrationId: null, partyMember: true }), { walkIns: 1, partyMembers: 1 }],
    ['an absence', null, { ...present(), status: 'absent' }, { absent: 1 }],
    ['an absence turned present', { ...present(), status: 'absent' }, present(), { absent: -1, present: 1 }],
    ['hours credited', present(), present({ hours: 1.5 }), { hours: 1.5 }],
    ['hours reversed', present({ hours: 1.5 }), present({ hours: 1.5, reversal: { reason: 'x' } }), { hours: -1.5 }],
  ])('should move the tally for %s', (_name, before, after, moved) => {
    expect(tallyDelta(before, after)).toEqual({ ...zeroTally(), ...moved })
  })

  it('should move nothing when the record is written again unchanged', () => {
    expect(tallyDelta(present({ hours: 2 }), present({ hours: 2 }))).toEqual(zeroTally())
    expect(tallyOf(null)).toEqual(zeroTally())
  })
})

describe('monthFigures', () => {
  const units = [
    { id: 'c1', name: '东县门社区' },
    { id: 'c2', name: '下马陵社区' },
  ]

  it('should list every community, add held events only to attendance, and say which monthly kinds were held', () => {
    const tally = {
      ...zeroTally(),
      present: 3,
      absent: 1,
      walkIns: 1,
      partyMembers: 2,
      rated: 2,
      satisfiedOrBasically: 1,
    }
    const out = monthFigures(units, [
      { unitId: 'c1', unitName: '东县门社区', kind: 'bench_meeting', tally },
      { unitId: 'c1', unitName: '东县门社区', kind: 'party_story', tally: null },
      { unitId: 's1', unitName: '柏树林街道', kind: 'clinic', tally: zeroTally() },
    ])
    expect(out.units.map((u) => u.unitId)).toEqual(['c1', 'c2', 's1'])
    expect(out.units[0]).toMatchObject({
      events: 2,
      held: 1,
      signUps: 4,
      attendees: 4,
      attendanceRate: 0.75,
      noShowRate: 0.25,
      partyShare: 0.5,
      satisfactionRate: 0.5,
      byKind: [
        { kind: 'bench_meeting', events: 1 },
        { kind: 'party_story', events: 1 },
      ],
      monthly: [
        { kind: 'bench_meeting', held: true },
        { kind: 'party_story', held: false },
        { kind: 'party_quiz', held: false },
      ],
    })
    expect(out.units[1]).toMatchObject({ events: 0, attendanceRate: null, partyShare: null })
    expect(out.total).toMatchObject({ events: 3, held: 2, signUps: 4 })
  })
})
