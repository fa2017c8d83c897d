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

export function computeFigures(cases: readonly FigureCase[], range: { start: Date; end: Date }): Figures {
  const start = range.start.getTime()
  const end = range.end.getTime()
  let received = 0
  let resolved = 0
  let resolvedOnTime = 0
  let rated = 0
  let satisfiedOrBasically = 0
  for (const c of cases) {
    const t = Date.parse(c.submittedAt)
    if (t < start || t >= end || c.status === 'duplicate') continue
    received++
    if (c.resolution && (c.status === 'resolved' || c.status === 'closed')) {
      resolved++
      if (c.resolution.onTime) resolvedOnTime++
    }
    if (c.rating) {
      rated++
      if (isSatisfied(c.rating.value)) satisfiedOrBasically++
    }
  }
  return {
    received,
    resolved,
    resolvedOnTime,
    rated,
    satisfiedOrBasically,
    resolutionRate: ratio(resolved, received),
    onTimeRate: ratio(resolvedOnTime, resolved),
    satisfactionRate: ratio(satisfiedOrBasically, rated),
    ratingRate: ratio(rated, resolved),
  }
}

/** The same figures per handling unit, busiest unit first. */
export function figuresByUnit(
  cases: readonly FigureCase[],
  range: { start: Date; end: Date },
  unitName: (id: string) => string,
): Array<Figures & { unitId: string; unitName: string }> {
  const groups = new Map<string, FigureCase[]>()
  for (const c of cases) groups.set(c.handlingUnitId, [...(groups.get(c.handlingUnitId) ?? []), c])
  return [...groups.entries()]
    .map(([unitId, list]) => ({ unitId, unitName: unitName(unitId), ...computeFigures(list, range) }))
    .filter((f) => f.received > 0)
    .sort((a, b) => b.received - a.received || a.unitId.localeCompare(b.unitId))
}

/** `87.5%` for people; `—` when there is nothing to measure. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}
