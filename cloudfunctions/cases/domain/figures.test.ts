import type { Satisfaction } from '../../../types/cases'
import { computeFigures, formatRate, type FigureCase } from './figures'

const range = { start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') } // 2026-11, Shanghai

const c = (over: Partial<FigureCase> & { rate?: Satisfaction; onTime?: boolean }): FigureCase => ({
  handlingUnitId: 'grid-1',
  submittedAt: '2026-11-10T02:00:00Z',
  status: 'processing',
  resolution: over.onTime === undefined ? null : { onTime: over.onTime },
  rating: over.rate ? { value: over.rate } : null,
  ...over,
})

describe('figures', () => {
  const cases: FigureCase[] = [
    c({ status: 'closed', onTime: true, rate: 'satisfied' }),
    c({ status: 'closed', onTime: true, rate: 'basically_satisfied' }),
    c({ status: 'closed', onTime: false, rate: 'dissatisfied' }),
    c({ status: 'resolved', onTime: true }), // awaiting its rating
    c({ status: 'processing' }),
    c({ status: 'pending_sign', handlingUnitId: 'community-1' }),
    c({ status: 'duplicate' }), // merged: not counted
    c({ status: 'closed', onTime: true, rate: 'satisfied', submittedAt: '2026-10-31T15:59:59Z' }), // 10-31 23:59 Shanghai: October
    c({ status: 'closed', onTime: true, rate: 'satisfied', submittedAt: '2026-11-30T15:59:59Z' }), // 11-30 23:59 Shanghai: in
  ]

  it('should count 受理量, 办结, 按时, 参评 and 满意 for the month', () => {
    expect(computeFigures(cases, range)).toEqual({
      received: 7,
      resolved: 5,
      resolvedOnTime: 4,
      rated: 4,
      satisfiedOrBasically: 3,
      resolutionRate: 5 / 7,
      onTimeRate: 4 / 5,
      satisfactionRate: 3 / 4,
      ratingRate: 4 / 5,
    })
  })

  it('should not count a reopened case as resolved until it is resolved again', () => {
    const reopened = c({ status: 'processing', onTime: true })
    expect(computeFigures([reopened], range)).toMatchObject({ received: 1, resolved: 0, resolutionRate: 0 })
  })

  it('should give null rates when there is nothing to divide by', () => {
    expect(computeFigures([], range)).toMatchObject({
      received: 0,
      resolutionRate: null,
      onTimeRate: null,
      satisfactionRate: null,
      ratingRate: null,
    })
  })

  it('should format rates as percentages with one decimal', () => {
    expect([formatRate(5 / 7), formatRate(1), formatRate(0), formatRate(null)]).toEqual([
      '71.4%',
      '100.0%',
      '0.0%',
      '—',
    ])
  })
})
