import type { Db } from '@cloudbase/database'
import { OPEN_CASE_STATUSES } from '../../types/cases'
import { collection, transaction, type Where } from '../core/data'
import { notify, type NotifyInput } from '../core/outbox'
import type { Runtime } from '../core/runtime'
import { CASE_COLLECTIONS, CASE_TX, type CaseDoc } from './collections'
import { formatShanghaiText } from './domain/deadlines'
import { staffNotices, staffOf } from './notices'
import { entry } from './transitions'

/*
 * The timers of 接诉即办 and 回访反馈 (run by the scheduler, safe to run twice at once and
 * after a crash): each flag is set in the same transaction as its notifications, only if
 * it is still unset, so a case is flagged — and its staff told — exactly once.
 * - not signed within the acknowledgement window → the unit is reminded (staff-only note);
 * - not resolved within the handling window → 系统督办: on the timeline the petitioner reads,
 *   and sent to the unit and to the unit above it;
 * - resolved, unrated for two weeks → a revisit task for the unit.
 */

const BATCH = 200

interface Flag {
  field: 'ackOverdueFlaggedAt' | 'overdueFlaggedAt' | 'revisitTaskAt'
  where(db: Db, at: string): Where<CaseDoc>
  /** Whether the case, read again inside the transaction, still needs the flag. */
  still(doc: CaseDoc, at: string): boolean
  change(doc: CaseDoc, now: Date, staff: string[], above: string[]): { patch: Partial<CaseDoc>; notices: NotifyInput[] }
}

const ACK_OVERDUE: Flag = {
  field: 'ackOverdueFlaggedAt',
  where: (db, at) => ({ status: 'pending_sign', ackDueAt: db.command.lt(at), ackOverdueFlaggedAt: null }),
  still: (d, at) => d.status === 'pending_sign' && d.ackDueAt < at && !d.ackOverdueFlaggedAt,
  change: (d, now, staff) => ({
    patch: {
      timeline: [
        ...d.timeline,
        entry(now, 'supervised', '已超过签收时限，系统提醒尽快签收', { staffOnly: true, actorRole: 'system' }),
      ],
    },
    notices: staffNotices(
      d,
      staff,
      `ack-overdue:${d.ackDueAt}`,
      '诉求超时未签收',
      `${d.number}应于${formatShanghaiText(d.ackDueAt, now)}前签收，请尽快签收`,
      { task: `超时未签收：${d.categoryName}`, status: '已超时' },
    ),
  }),
}

const HANDLE_OVERDUE: Flag = {
  field: 'overdueFlaggedAt',
  where: (db, at) => ({
    status: db.command.in([...OPEN_CASE_STATUSES]),
    handleDueAt: db.command.lt(at),
    overdueFlaggedAt: null,
  }),
  still: (d, at) => OPEN_CASE_STATUSES.includes(d.status) && d.handleDueAt < at && !d.overdueFlaggedAt,
  change: (d, now, staff, above) => ({
    patch: {
      superviseCount: d.superviseCount + 1,
      timeline: [
        ...d.timeline,
        entry(now, 'supervised', `已超过办理时限（${formatShanghaiText(d.handleDueAt, now)}），系统自动督办`, {
          actorRole: 'system',
        }),
      ],
    },
    notices: [
      ...staffNotices(
        d,
        staff,
        `overdue:${d.handleDueAt}`,
        '诉求已超期，系统督办',
        `${d.number}已超过办理时限，请尽快办结`,
        { task: `超期诉求：${d.categoryName}`, status: '已超期' },
      ),
      ...staffNotices(
        d,
        above,
        `overdue-above:${d.handleDueAt}`,
        '下级诉求已超期',
        `「${d.handlingUnitName}」的${d.number}已超过办理时限`,
      ),
    ],
  }),
}

const REVISIT_DUE: Flag = {
  field: 'revisitTaskAt',
  where: (db, at) => ({ status: 'resolved', rating: null, revisitDueAt: db.command.lte(at), revisitTaskAt: null }),
  still: (d, at) =>
    d.status === 'resolved' && !d.rating && !!d.revisitDueAt && d.revisitDueAt <= at && !d.revisitTaskAt,
  change: (d, _now, staff) => ({
    patch: {},
    notices: staffNotices(
      d,
      staff,
      `revisit:${d.revisitDueAt}`,
      '请回访诉求人',
      `${d.number}办结已满两周未评价，请电话或上门回访`,
    ),
  }),
}

async function raise(rt: Runtime, flag: Flag): Promise<number> {
  const { db } = rt
  const now = rt.clock.now()
  const at = now.toISOString()
  const due = await collection(db, CASE_COLLECTIONS.cases).where(flag.where(db, at)).limit(BATCH).get()
  let flagged = 0
  for (const doc of due) {
    const staff = await staffOf(db, doc.handlingUnitId)
    const parentId = doc.unitScope.at(-2)
    const above = flag === HANDLE_OVERDUE && parentId ? await staffOf(db, parentId) : []
    const done = await transaction(
      db,
      async (tx) => {
        const ref = tx.collection(CASE_COLLECTIONS.cases).doc(doc._id)
        const current = await ref.get()
        if (!current || !flag.still({ ...current, _id: doc._id }, at)) return false
        const { patch, notices } = flag.change({ ...current, _id: doc._id }, now, staff, above)
        await ref.update({ ...patch, [flag.field]: at, updatedAt: at })
        for (const n of notices) await notify(tx, n, now)
        return true
      },
      CASE_TX,
    )
    if (done) flagged++
  }
  return flagged
}

/** The sweeps the scheduler runs for cases. */
export const CASE_SWEEPS = [
  { name: 'cases-ack-overdue', run: (rt: Runtime) => raise(rt, ACK_OVERDUE) },
  { name: 'cases-overdue', run: (rt: Runtime) => raise(rt, HANDLE_OVERDUE) },
  { name: 'cases-revisit', run: (rt: Runtime) => raise(rt, REVISIT_DUE) },
]
