import { StationInputSchema, WeeklyHoursSchema, findOverlap, ClosureSchema, NearbyInputSchema } from './stations'

const valid = {
  unitId: 'u1',
  name: '鹿苑广场红色驿站',
  address: '西安市高陵区鹿苑大道',
  location: { lng: 109.0883, lat: 34.5347 },
  hours: { mon: [{ open: '08:00', close: '21:00' }] },
  contact: { phone: '029-86912345' },
}

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? []

describe('StationInputSchema', () => {
  it('should accept a complete station and fill the defaults', () => {
    const r = StationInputSchema.parse(valid)
    expect(r.amenities).toEqual([])
    expect(r.hours.sun).toEqual([])
  })

  it('should reject swapped coordinates as outside China', () => {
    const r = StationInputSchema.safeParse({ ...valid, location: { lng: 34.5347, lat: 109.0883 } })
    expect(r.success).toBe(false)
    expect(messages(r)).toContain('坐标不在中国境内，请检查经纬度是否填反或填错')
  })

  it('should reject a point in the ocean east of China', () => {
    expect(StationInputSchema.safeParse({ ...valid, location: { lng: 140, lat: 35 } }).success).toBe(false)
  })

  it('should reject a malformed phone with a hint', () => {
    const r = StationInputSchema.safeParse({ ...valid, contact: { phone: '12' } })
    expect(messages(r)).toContain('请填写手机号或带区号的座机号，如 029-86541234')
  })

  it('should reject duplicate amenities', () => {
    expect(StationInputSchema.safeParse({ ...valid, amenities: ['wifi', 'wifi'] }).success).toBe(false)
  })
})

describe('WeeklyHoursSchema', () => {
  it('should reject a time like 25:00', () => {
    expect(WeeklyHoursSchema.safeParse({ mon: [{ open: '08:00', close: '25:00' }] }).success).toBe(false)
  })

  it('should reject an interval that opens and closes at the same minute', () => {
    const r = WeeklyHoursSchema.safeParse({ mon: [{ open: '08:00', close: '08:00' }] })
    expect(messages(r)).toContain('开门和关门时间不能相同')
  })

  it('should reject overlapping intervals on one day and point at the later one', () => {
    const r = WeeklyHoursSchema.safeParse({
      tue: [
        { open: '08:00', close: '12:00' },
        { open: '11:30', close: '18:00' },
      ],
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.path).toEqual(['tue', 1])
    expect(messages(r)).toContain('周二的时段与周二的时段重叠，请调整')
  })

  it('should accept intervals that touch', () => {
    expect(
      WeeklyHoursSchema.safeParse({
        tue: [
          { open: '08:00', close: '12:00' },
          { open: '12:00', close: '18:00' },
        ],
      }).success,
    ).toBe(true)
  })

  it('should reject an overnight interval running into the next day’s opening', () => {
    const r = WeeklyHoursSchema.safeParse({
      mon: [{ open: '20:00', close: '09:00' }],
      tue: [{ open: '08:00', close: '12:00' }],
    })
    expect(messages(r)).toContain('周二的时段与周一的时段重叠，请调整')
  })
})

describe('findOverlap', () => {
  it('should find a Sunday night interval running into Monday morning', () => {
    const o = findOverlap({ sun: [{ open: '22:00', close: '09:00' }], mon: [{ open: '08:00', close: '12:00' }] })
    expect(o?.map((s) => s.day)).toEqual(['sun', 'mon'])
  })

  it('should find nothing for ordinary office hours', () => {
    expect(
      findOverlap({ mon: [{ open: '08:00', close: '18:00' }], sun: [{ open: '22:00', close: '07:00' }] }),
    ).toBeNull()
  })
})

describe('ClosureSchema', () => {
  it('should reject an end date before the start', () => {
    const r = ClosureSchema.safeParse({ from: '2026-10-07', to: '2026-10-01', kind: 'holiday', reason: '国庆节' })
    expect(messages(r)).toContain('结束日期不能早于开始日期')
  })

  it('should reject a date that does not exist', () => {
    const r = ClosureSchema.safeParse({ from: '2026-02-30', to: '2026-03-01', kind: 'temporary', reason: '检修' })
    expect(messages(r)).toContain('没有这一天，请检查日期')
  })
})

describe('NearbyInputSchema', () => {
  it('should default paging and filters', () => {
    expect(NearbyInputSchema.parse({ point: { lng: 108.9, lat: 34.2 } })).toMatchObject({
      offset: 0,
      limit: 20,
      amenities: [],
      openNow: false,
    })
  })
})
