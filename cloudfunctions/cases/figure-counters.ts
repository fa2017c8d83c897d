import type { Db } from '@cloudbase/database'
import type { Figures } from '../../types/cases'
import { aggregated, transaction, type Tx } from '../core/data'
import { CASE_COLLECTIONS, CASE_TX, type CaseDoc, type FigureCounterDoc } from './collections'
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
 *
 * A unit's day may be split over up to FIGURE_SHARDS documents (`${day}:${unitId}`, then
 * `…:1`, `…:2`), and the figures add them up (they group by unit and day, not by document).
 * With one document, every submission to a busy unit wrote it, and a transaction holds
 * what it wrote until it commits: at 32 submissions at once most of them lost a write
 * conflict on it and ran again. So each transaction writes the lowest shard that no other
 * transaction of this process is writing; a quiet unit-day keeps its one document, a
 * burst spreads over as many as were written at once. Another process (or cloud instance)
 * may pick the same shard: the loser's next attempt picks one at random.
 */

/** How many documents one unit's day of figures may be split over (see above). */
export const FIGURE_SHARDS = 32

type CounterKey = Pick<FigureCounterDoc, 'unitId' | 'unitName' | 'unitScope' | 'day'> & {
  /** The unit-day (`${day}:${unitId}`): the id of its first document. */
  _id: string
}

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

/** Per unit-day, how many of this process's transactions are writing each of its shards now. */
const writing = new Map<string, number[]>()

/** The shards one transaction writes, one per unit-day, held until the transaction has ended. */
class ShardLease {
  private readonly held = new Map<string, number>()
  private scattered = false

  /** The id of the document this transaction writes for the unit-day. */
  docId(key: CounterKey): string {
    let shard = this.held.get(key._id)
    if (shard === undefined) {
      const counts = writing.get(key._id) ?? Array<number>(FIGURE_SHARDS).fill(0)
      const free = counts.indexOf(0)
      shard = this.scattered || free < 0 ? Math.floor(Math.random() * FIGURE_SHARDS) : free
      counts[shard]! += 1
      writing.set(key._id, counts)
      this.held.set(key._id, shard)
    }
    return shard === 0 ? key._id : `${key._id}:${shard}`
  }

  /** Before another attempt: the last one lost a conflict, perhaps on its shard to another process, so pick at random. */
  scatter(): void {
    this.release()
    this.scattered = true
  }

  release(): void {
    for (const [id, shard] of this.held) {
      const counts = writing.get(id)!
      counts[shard]! -= 1
      if (counts.every((n) => n === 0)) writing.delete(id)
    }
    this.held.clear()
  }
}

/** Moves figure counts inside the transaction `figureTransaction` runs. */
export type MoveFigures = (deltas: CounterDelta[]) => Promise<void>

/**
 * A cases transaction (retried with backoff, CASE_TX) that also moves figure counts: `fn`
 * gets the transaction and `moveFigures`, which increments each unit-day's shard where it
 * exists (one request, no read first), else writes it whole. Its shards stay taken until
 * the transaction has committed or failed.
 */
export async function figureTransaction<R>(
  db: Db,
  now: Date,
  fn: (tx: Tx, moveFigures: MoveFigures) => Promise<R>,
): Promise<R> {
  const _ = db.command
  const lease = new ShardLease()
  let attempts = 0
  const moveFigures =
    (tx: Tx): MoveFigures =>
    async (deltas) => {
      for (const { key, delta } of deltas) {
        const ref = tx.collection(CASE_COLLECTIONS.figureCounters).doc(lease.docId(key))
        const { _id, ...meta } = key
        const incs = Object.fromEntries(
          FIGURE_COUNT_KEYS.filter((k) => delta[k] !== 0).map((k) => [k, _.inc(delta[k])]),
        )
        const updatedAt = now.toISOString()
        if ((await ref.update({ ...meta, ...incs, updatedAt })) === 0) await ref.set({ ...meta, ...delta, updatedAt })
      }
    }
  try {
    return await transaction(
      db,
      (tx) => {
        if (attempts++ > 0) lease.scatter()
        return fn(tx, moveFigures(tx))
      },
      CASE_TX,
    )
  } finally {
    lease.release()
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
