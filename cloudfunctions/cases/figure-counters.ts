import type { Db } from '@cloudbase/database'
import type { Figures } from '../../types/cases'
import { aggregated, type Tx } from '../core/data'
import { CASE_COLLECTIONS, type CaseDoc, type FigureCounterDoc } from './collections'
import { shanghaiDate } from './domain/deadlines'
import { addCounts, countsOf, FIGURE_COUNT_KEYS, ratesOf, zeroCounts, type FigureCounts } from './domain/figures'

export type { FigureCounterDoc } from './collections'

/*
 * The 督办考核 figures, kept as counters instead of recomputed from the cases: one
 * `case_figure_counters` document per handling unit and Shanghai submission day, holding
 * what the cases submitted that day and now handled there add up to (figures.ts defines
 * each count). Every write that can change a case's contribution — submit, and each
 * transition (sign, transfer, return, resolve, rate, revisit, reopen on 不满意, duplicate) —
 * moves the difference between the case before and after into the counters, in the same
 * transaction as the case itself: a transfer takes the case off the old unit's counter and
 * puts it on the new one; 不满意 takes back its 办结 and its rating. So the figures of any
 * range read (units × days) small documents, however many cases there are, and are
 * exactly what recounting the cases would give (the cases tests check that after each test).
 *
 * Why counters rather than an aggregate over `cases`: an aggregate must read every case of
 * the range (in the cloud and locally), so its cost grows with the case count; counters
 * cost one more document read and write per state change.
 */

type CounterKey = Pick<FigureCounterDoc, '_id' | 'unitId' | 'unitName' | 'unitScope' | 'day'>

type FigureFields = Pick<
  CaseDoc,
  'handlingUnitId' | 'handlingUnitName' | 'unitScope' | 'submittedAt' | 'status' | 'resolution' | 'rating'
>

function keyOf(c: FigureFields): CounterKey {
  const day = shanghaiDate(c.submittedAt, true)
  return {
    _id: `${day}:${c.handlingUnitId}`,
    unitId: c.handlingUnitId,
    unitName: c.handlingUnitName,
    unitScope: c.unitScope,
    day,
  }
}

export interface CounterDelta {
  key: CounterKey
  delta: FigureCounts
}

const isZero = (c: FigureCounts) => FIGURE_COUNT_KEYS.every((k) => c[k] === 0)

/** What moves in the counters when a case goes from `before` (null: new) to `after`. */
export function figureDeltas(before: FigureFields | null, after: FigureFields): CounterDelta[] {
  const next = { key: keyOf(after), delta: countsOf(after) }
  if (!before) return isZero(next.delta) ? [] : [next]
  const prev = { key: keyOf(before), delta: addCounts(zeroCounts(), countsOf(before), -1) }
  if (prev.key._id === next.key._id) {
    const delta = addCounts(next.delta, prev.delta)
    return isZero(delta) ? [] : [{ key: next.key, delta }]
  }
  return [prev, next].filter((d) => !isZero(d.delta))
}

/**
 * Applies the deltas inside the case's transaction: an increment of the counter where it
 * exists (one request, no read first), else the whole counter written.
 */
export async function applyFigureDeltas(tx: Tx, deltas: CounterDelta[], now: Date, _: Db['command']): Promise<void> {
  for (const { key, delta } of deltas) {
    const ref = tx.collection(CASE_COLLECTIONS.figureCounters).doc(key._id)
    const { _id, ...meta } = key
    const incs = Object.fromEntries(FIGURE_COUNT_KEYS.filter((k) => delta[k] !== 0).map((k) => [k, _.inc(delta[k])]))
    const updatedAt = now.toISOString()
    if ((await ref.update({ ...meta, ...incs, updatedAt })) === 0) await ref.set({ ...meta, ...delta, updatedAt })
  }
}

/** Just the counts of a stored counter (or a group of them), a count missing in an older document as 0. */
function pickCounts(d: Partial<FigureCounts>): FigureCounts {
  const counts = zeroCounts()
  for (const k of FIGURE_COUNT_KEYS) counts[k] = d[k] ?? 0
  return counts
}

/**
 * The counters recounted from cases, for a fresh load of cases written outside the
 * function (a migration, the benchmark's bulk load) and for the consistency check in tests.
 */
export function tallyFigureCounters(cases: Iterable<FigureFields>, now: Date): FigureCounterDoc[] {
  const out = new Map<string, FigureCounterDoc>()
  for (const c of cases) {
    for (const { key, delta } of figureDeltas(null, c)) {
      const doc = out.get(key._id) ?? { ...key, ...zeroCounts(), updatedAt: now.toISOString() }
      addCounts(doc, delta)
      out.set(key._id, doc)
    }
  }
  return [...out.values()]
}

/**
 * A unit's figures over Shanghai dates `from`..`to` (inclusive), in total and per handling
 * unit below it: one aggregate over the counters, grouped by unit.
 */
export async function figuresFromCounters(
  db: Db,
  unitId: string,
  from: string,
  to: string,
): Promise<Figures & { byUnit: Array<Figures & { unitId: string; unitName: string }> }> {
  const _ = db.command
  const $ = _.aggregate
  const sums = Object.fromEntries(FIGURE_COUNT_KEYS.map((k) => [k, $.sum(`$${k}`)]))
  const groups = await aggregated<FigureCounts & { _id: string; unitName: string }>(
    db
      .collection(CASE_COLLECTIONS.figureCounters)
      .aggregate()
      .match({ unitScope: unitId, day: _.gte(from).and(_.lte(to)) })
      .group({ _id: '$unitId', unitName: $.first('$unitName'), ...sums }),
  )
  const total = zeroCounts()
  const byUnit = groups
    .map((g) => {
      const counts = pickCounts(g)
      addCounts(total, counts)
      return { unitId: g._id, unitName: g.unitName, ...ratesOf(counts) }
    })
    .filter((f) => f.received > 0)
    .sort((a, b) => b.received - a.received || a.unitId.localeCompare(b.unitId))
  return { ...ratesOf(total), byUnit }
}
