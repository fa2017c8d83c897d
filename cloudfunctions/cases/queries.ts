import type { Db } from '@cloudbase/database'
import type { z } from 'zod'
import { CASE_STATUS_LABELS, OPEN_CASE_STATUSES, type CaseDetail, type CaseWorkload } from '../../types/cases'
import type { InboxInputSchema, ListInputSchema, SimilarNearbyInputSchema } from '../../types/cases-contract'
import { skipOf } from '../../types/paging'
import { roleGrants } from '../../types/policy'
import { AppError } from '../core/app-error'
import { canAt } from '../core/authz'
import { aggregated, collection, countedPage, geoPoint, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { distanceMeters, toLngLat } from '../core/geo'
import { unitsByIds } from '../core/org-cache'
import { actorOf } from './actors'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import { boxesOf, tallyBoxes } from './domain/inbox-counts'
import { decide } from './domain/state-machine'
import { detailFor, loadCase, raise } from './transitions'
import { factsOf, publicName, toSummary } from './views'

/*
 * Reading cases: one case for those who may see it, the petitioner's own list, a unit's
 * boxes (待签收, 办理中, 退单, 超期, 待回访, 已办结) and similar open cases nearby.
 */

/** One case with its timeline, for its petitioner and the staff who may act on it; nobody else. */
export async function getCase(ctx: ActionContext, caseId: string): Promise<CaseDetail> {
  const doc = await loadCase(ctx.rt.db, caseId)
  const openid = ctx.requireCaller().openid
  const out = decide('get', factsOf(doc, openid), actorOf(doc, openid, ctx.assignments), ctx.now())
  if (!out.ok) raise(out)
  return detailFor(ctx, doc)
}

export async function myCases(ctx: ActionContext, input: z.output<typeof ListInputSchema>) {
  const { db } = ctx.rt
  const _ = db.command
  const where: Where<CaseDoc> = { petitionerOpenid: ctx.requireCaller().openid }
  if (input.status === 'open') where.status = _.in([...OPEN_CASE_STATUSES])
  if (input.status === 'resolved') where.status = 'resolved'
  if (input.status === 'closed') where.status = _.in(['closed', 'duplicate'])
  const cases = collection(db, CASE_COLLECTIONS.cases)
  const { docs, hasMore, total } = await countedPage(
    cases.where(where),
    cases.where(where).orderBy('submittedAt', 'desc'),
    input,
  )
  const now = ctx.now()
  return { items: docs.map((d) => toSummary(d, now)), total, hasMore, page: input.page, pageSize: input.pageSize }
}

type Box = z.output<typeof InboxInputSchema>['box']

/**
 * 延期待审核 at a unit: requests of cases handled strictly below it (a unit does not review
 * its own), whose supervisors are the unit's (actors.ts).
 */
function extensionWaiting(db: Db, unitId: string): Where<CaseDoc> {
  return {
    unitScope: unitId,
    'extension.status': 'requested',
    status: 'processing',
    handlingUnitId: db.command.neq(unitId),
  }
}

/** What a box row shows and what places it in the boxes (toSummary, boxesOf). */
const ROW_FIELDS = [
  ...['number', 'categoryCode', 'categoryName', 'description', 'status', 'handlingUnitId', 'handlingUnitName'],
  ...['submittedAt', 'ackDueAt', 'handleDueAt', 'reopenCount', 'followerCount', 'unitScope', 'revisitDueAt'],
  ...['rating', 'extension'],
] as const
type BoxRow = Pick<CaseDoc, '_id' | (typeof ROW_FIELDS)[number]>

/**
 * The unit's cases that sit in a box but 已办结 — its open ones, its resolved ones waiting
 * for a 回访, and (for a supervisor) the extension requests below it — each whole enough to
 * list, and how many resolved cases it holds, in one request: the resolved ones not waiting
 * are grouped into one count (they are every resolved case, too many to send).
 */
async function unitBoxes(db: Db, unitId: string, now: Date, supervises: boolean) {
  const _ = db.command
  const $ = _.aggregate
  const at = now.toISOString()
  const mine = { handlingUnitId: unitId, status: _.in(['pending_sign', 'processing', 'returned', 'resolved']) }
  const waitsForRevisit = $.cond([$.eq(['$revisitDueAt', null]), false, $.lte(['$revisitDueAt', at])])
  const unrated = $.eq(['$rating', null])
  const quietlyResolved = $.cond([
    $.eq(['$status', 'resolved']),
    $.cond([unrated, $.cond([waitsForRevisit, false, true]), true]),
    false,
  ])
  const rows = await aggregated<BoxRow & { count: number }>(
    db
      .collection(CASE_COLLECTIONS.cases)
      .aggregate()
      .match(supervises ? _.or([mine, extensionWaiting(db, unitId)]) : mine)
      .project({
        ...Object.fromEntries(ROW_FIELDS.map((f) => [f, 1])),
        key: $.cond([quietlyResolved, 'resolved', '$_id']),
      })
      .group({ _id: '$key', count: $.sum(1), ...Object.fromEntries(ROW_FIELDS.map((f) => [f, $.first(`$${f}`)])) })
      .limit(10_000_000),
  )
  const cases = rows.filter((r) => r._id !== 'resolved')
  const quiet = rows.find((r) => r._id === 'resolved')?.count ?? 0
  const resolved = quiet + cases.filter((c) => c.handlingUnitId === unitId && c.status === 'resolved').length
  return { cases, counts: { ...tallyBoxes(cases, unitId, at, supervises), resolved } }
}

/** The deadline a box is ordered by, for one of its cases (超期: the deadline it is past). */
function dueIn(box: Box, c: BoxRow): string {
  if (box === 'revisit') return c.revisitDueAt ?? ''
  return c.status === 'pending_sign' && box !== 'extension' ? c.ackDueAt : c.handleDueAt
}

/**
 * One unit's box with the counts of every box (the tabs' badges). Staff of the unit or above;
 * 延期待审核 only for its supervisors (the count is 0 for anyone else). Every box but 已办结
 * is listed from the one read of the unit's boxes; 已办结 pages its own query.
 */
export async function inbox(ctx: ActionContext, input: z.output<typeof InboxInputSchema>) {
  const unit = await ctx.requireCapabilityAt('cases.handle', input.unitId)
  const supervises = canAt(ctx.assignments, 'cases.supervise', unit)
  if (input.box === 'extension' && !supervises) throw new AppError('FORBIDDEN', '延期申请由上级单位审核')
  const { db } = ctx.rt
  const now = ctx.now()
  const skip = skipOf(input)
  const at = now.toISOString()
  const [{ cases, counts }, resolvedPage] = await Promise.all([
    unitBoxes(db, input.unitId, now, supervises),
    input.box === 'resolved'
      ? collection(db, CASE_COLLECTIONS.cases)
          .where({ handlingUnitId: input.unitId, status: 'resolved' })
          .orderBy('handleDueAt', 'asc')
          .limit(Math.min(1000, skip + input.pageSize))
          .get()
      : null,
  ])
  // Most urgent first: the earliest deadline at the top.
  const inBox = resolvedPage ?? cases.filter((c) => boxesOf(c, input.unitId, at, supervises).includes(input.box))
  const page = inBox
    .map((d) => ({ d, due: dueIn(input.box, d) }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.d._id.localeCompare(b.d._id))
    .slice(skip, skip + input.pageSize)
  const total = counts[input.box]
  return {
    items: page.map(({ d }) => toSummary(d, now)),
    total,
    hasMore: skip + page.length < total,
    page: input.page,
    pageSize: input.pageSize,
    counts,
  }
}

/**
 * The units whose subtrees hold the caller's work for a capability: where they hold it, less
 * any unit below another of them (its cases are counted with the one above).
 */
interface WorkloadKey {
  unit: string
  status: CaseDoc['status']
  late: boolean
  extension: boolean
  own: boolean
}

async function topUnits(ctx: ActionContext, capability: 'cases.handle' | 'cases.supervise'): Promise<string[]> {
  const held = [
    ...new Set(
      ctx.assignments.filter((a) => a.role !== 'admin' && roleGrants(a.role, capability)).map((a) => a.unitId),
    ),
  ]
  const units = await unitsByIds(ctx.rt.db, held)
  return held.filter((id) => !(units.get(id)?.ancestors ?? []).some((a) => held.includes(a)))
}

/**
 * What waits for the caller (the 工作台 counts): 待签收, 办理中 and 已超期 over every unit they
 * handle for and the units below it, 延期待审核 over the units they supervise. An admin's
 * authority covers the whole tree but none of it is their work queue, as for the rosters.
 */
export async function workload(ctx: ActionContext): Promise<CaseWorkload> {
  const { db } = ctx.rt
  const _ = db.command
  const $ = _.aggregate
  const at = ctx.now().toISOString()
  const [handled, supervised] = await Promise.all([topUnits(ctx, 'cases.handle'), topUnits(ctx, 'cases.supervise')])
  const units = [...new Set([...handled, ...supervised])]
  if (units.length === 0) return { to_sign: 0, processing: 0, overdue: 0, extension: 0 }
  const pastDue = (field: string) => $.cond([$.eq([field, null]), false, $.cond([$.lte([at, field]), false, true])])
  // Each case once per unit of `units` on its scope (top units: at most one of each list),
  // counted by status, lateness and whether it waits for an extension decision.
  const groups = await aggregated<{ _id: WorkloadKey; n: number }>(
    db
      .collection(CASE_COLLECTIONS.cases)
      .aggregate()
      .match({ unitScope: _.in(units), status: _.in(['pending_sign', 'processing', 'returned']) })
      .project({
        unitScope: 1,
        status: 1,
        handlingUnitId: 1,
        late: $.cond([$.eq(['$status', 'pending_sign']), pastDue('$ackDueAt'), pastDue('$handleDueAt')]),
        extension: $.eq(['$extension.status', 'requested']),
      })
      .unwind('$unitScope')
      .match({ unitScope: _.in(units) })
      .group({
        _id: {
          unit: '$unitScope',
          status: '$status',
          late: '$late',
          extension: '$extension',
          own: $.eq(['$unitScope', '$handlingUnitId']),
        },
        n: $.sum(1),
      })
      .limit(10_000_000),
  )
  const sum = (keep: (k: WorkloadKey) => boolean) => groups.filter((g) => keep(g._id)).reduce((n, g) => n + g.n, 0)
  const mine = (k: WorkloadKey) => handled.includes(k.unit)
  return {
    to_sign: sum((k) => mine(k) && k.status === 'pending_sign'),
    processing: sum((k) => mine(k) && k.status === 'processing'),
    overdue: sum((k) => mine(k) && k.late),
    // 延期待审核: asked for below a unit the caller supervises, not at it.
    extension: sum((k) => supervised.includes(k.unit) && k.status === 'processing' && k.extension && !k.own),
  }
}

/**
 * Open cases of the same category near the point, nearest first, so a resident can press
 * 我也遇到 instead of filing the same thing again. No contact; the petitioner's name only
 * masked, and only when they allowed it.
 */
export async function similarNearby(ctx: ActionContext, input: z.output<typeof SimilarNearbyInputSchema>) {
  const { db } = ctx.rt
  const _ = db.command
  const docs = await collection(db, CASE_COLLECTIONS.cases)
    .where({
      location: _.geoNear({
        geometry: geoPoint(db, input.location.lng, input.location.lat),
        maxDistance: input.radiusMeters,
      }),
      categoryCode: input.categoryCode,
      status: _.in([...OPEN_CASE_STATUSES]),
    })
    .limit(5)
    .get()
  return {
    items: docs.map((d) => ({
      id: d._id,
      number: d.number,
      categoryName: d.categoryName,
      description: d.description,
      statusLabel: CASE_STATUS_LABELS[d.status],
      distanceMeters: Math.round(distanceMeters(input.location, toLngLat(d.location)!)),
      followerCount: d.followerCount,
      petitionerName: publicName(d),
    })),
  }
}
