import type { z } from 'zod'
import type { CaseStatus, InboxBoxSchema } from '../../../types/cases'

type InboxBox = z.output<typeof InboxBoxSchema>

/** The fields of a case that decide which of a unit's boxes it counts in. */
export interface BoxFacts {
  status: CaseStatus
  handlingUnitId: string
  unitScope: string[]
  ackDueAt: string
  handleDueAt: string
  revisitDueAt: string | null
  rating: unknown
  extension: { status: string } | null
}

/**
 * The boxes of `unitId` a case counts in at `at` (ISO), the same rules the box queries use
 * (queries.ts), so the tabs' badges can be tallied from one read of the unit's open cases
 * instead of one count per box. 已办结 is not decided here: it is every resolved case, too
 * many to read, and stays a count.
 */
export function boxesOf(c: BoxFacts, unitId: string, at: string, supervises: boolean): InboxBox[] {
  if (c.handlingUnitId !== unitId) {
    const waiting =
      supervises && c.status === 'processing' && c.extension?.status === 'requested' && c.unitScope.includes(unitId)
    return waiting ? ['extension'] : []
  }
  switch (c.status) {
    case 'pending_sign':
      return c.ackDueAt < at ? ['to_sign', 'overdue'] : ['to_sign']
    case 'processing':
    case 'returned':
      return c.handleDueAt < at ? [c.status, 'overdue'] : [c.status]
    case 'resolved':
      return c.rating == null && c.revisitDueAt !== null && c.revisitDueAt <= at ? ['revisit'] : []
    default:
      return []
  }
}

/** The badge counts of every box but 已办结, from the cases `boxesOf` is asked about. */
export function tallyBoxes(
  cases: readonly BoxFacts[],
  unitId: string,
  at: string,
  supervises: boolean,
): Record<Exclude<InboxBox, 'resolved'>, number> {
  const counts = { to_sign: 0, processing: 0, returned: 0, overdue: 0, revisit: 0, extension: 0 }
  for (const c of cases) for (const box of boxesOf(c, unitId, at, supervises)) if (box !== 'resolved') counts[box] += 1
  return counts
}
