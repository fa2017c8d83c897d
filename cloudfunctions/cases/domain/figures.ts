import type { Figures, Satisfaction } from '../../../types/cases'
import { isSatisfied } from './satisfaction'

/*
 * The measures of 督办考核, from plain case records. The cohort is the cases *submitted*
 * in the range, so a month's figures do not change meaning as later months go by:
 * - 受理量 received: submitted in range, duplicates (merged into another case) excluded;
 * - 办结率 resolutionRate = resolved / received (a reopened case counts again only once re-resolved);
 * - 按时办结率 onTimeRate = resolved on time / resolved;
 * - 满意率 satisfactionRate = (满意 + 基本满意) / rated;
 * - 参评率 ratingRate = rated / resolved (a revisit answer counts as a rating).
 * A rate with nothing to divide by is null, not 0 or 100%.
 */

export interface FigureCase {
  handlingUnitId: string
  submittedAt: string
  status: string
  resolution: { onTime: boolean } | null
  rating: { value: Satisfaction } | null
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b)

/** The five counts the rates are made of; they add up across cases, units and days. */
export type FigureCounts = Pick<Figures, 'received' | 'resolved' | 'resolvedOnTime' | 'rated' | 'satisfiedOrBasically'>

export const FIGURE_COUNT_KEYS = ['received', 'resolved', 'resolvedOnTime', 'rated', 'satisfiedOrBasically'] as const

export const zeroCounts = (): FigureCounts => ({
  received: 0,
  resolved: 0,
  resolvedOnTime: 0,
  rated: 0,
  satisfiedOrBasically: 0,
})

/** What one case adds to its unit's counts now (a merged duplicate adds nothing). */
export function countsOf(c: Pick<FigureCase, 'status' | 'resolution' | 'rating'>): FigureCounts {
  const out = zeroCounts()
  if (c.status === 'duplicate') return out
  out.received = 1
  if (c.resolution && (c.status === 'resolved' || c.status === 'closed')) {
    out.resolved = 1
    if (c.resolution.onTime) out.resolvedOnTime = 1
  }
  if (c.rating) {
    out.rated = 1
    if (isSatisfied(c.rating.value)) out.satisfiedOrBasically = 1
  }
  return out
}

export function addCounts(into: FigureCounts, more: FigureCounts, sign: 1 | -1 = 1): FigureCounts {
  for (const k of FIGURE_COUNT_KEYS) into[k] += sign * more[k]
  return into
}

/** The counts with their rates. */
export function ratesOf(c: FigureCounts): Figures {
  return {
    received: c.received,
    resolved: c.resolved,
    resolvedOnTime: c.resolvedOnTime,
    rated: c.rated,
    satisfiedOrBasically: c.satisfiedOrBasically,
    resolutionRate: ratio(c.resolved, c.received),
    onTimeRate: ratio(c.resolvedOnTime, c.resolved),
    satisfactionRate: ratio(c.satisfiedOrBasically, c.rated),
    ratingRate: ratio(c.rated, c.resolved),
  }
}

export function computeFigures(cases: readonly FigureCase[], range: { start: Date; end: Date }): Figures {
  const start = range.start.getTime()
  const end = range.end.getTime()
  const total = zeroCounts()
  for (const c of cases) {
    const t = Date.parse(c.submittedAt)
    if (t >= start && t < end) addCounts(total, countsOf(c))
  }
  return ratesOf(total)
}

/** `87.5%` for people; `—` when there is nothing to measure. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}
