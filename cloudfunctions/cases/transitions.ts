import type { Db } from '@cloudbase/database'
import type { CaseDetail, TimelineEntry } from '../../types/cases'
import { AppError } from '../core/app-error'
import { collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notify, type NotifyInput } from '../core/outbox'
import { actorOf } from './actors'
import { CASE_COLLECTIONS, type CaseDoc } from './collections'
import type { Refusal } from './domain/result'
import { decide, type Actor, type CaseActionName } from './domain/state-machine'
import { figureDeltas, figureTransaction } from './figure-counters'
import { factsOf, photoUrlsOf, toDetail } from './views'

/*
 * The transition engine: every action on an existing case is decided by the state machine
 * (domain/state-machine.ts) and written, with its timeline entry, its notices and its
 * figure counters, in one transaction.
 */

export async function loadCase(db: Db, id: string): Promise<CaseDoc> {
  const doc = await collection(db, CASE_COLLECTIONS.cases).doc(id).get()
  if (!doc) throw new AppError('NOT_FOUND', '找不到这件诉求')
  return doc
}

export function raise(r: Refusal): never {
  throw new AppError(r.code, r.message)
}

/** The case as the caller may see it, with what they may do now (`can`). */
export async function detailFor(ctx: ActionContext, doc: CaseDoc): Promise<CaseDetail> {
  const openid = ctx.requireCaller().openid
  return toDetail(doc, actorOf(doc, openid, ctx.assignments), openid, ctx.now(), await photoUrlsOf(ctx.rt.storage, doc))
}

export const entry = (
  at: Date,
  kind: TimelineEntry['kind'],
  text: string,
  extra: Partial<TimelineEntry> = {},
): TimelineEntry => ({
  at: at.toISOString(),
  kind,
  text,
  staffOnly: false,
  ...extra,
})

/** What one transition writes besides the new status: the fields it changes, its timeline entry, whom it tells. */
export interface Change {
  patch: Partial<Omit<CaseDoc, '_id' | 'timeline'>>
  entry: TimelineEntry
  notices: NotifyInput[]
}

/**
 * The SDK turns a nested object in `update()` into dotted `$set` paths (a merge), which
 * MongoDB refuses when the field is null (`resolution`, `extension`, `rating` start null)
 * and which would keep stale keys otherwise. `_.set()` replaces the whole value instead.
 */
function replaceWhole(db: Db, patch: Change['patch']): Record<string, unknown> {
  const isObject = (v: unknown): v is object =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
  return Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, isObject(v) ? db.command.set(v) : v]))
}

/**
 * Runs one action on a case: decides it with the state machine, then writes the change,
 * its timeline entry and its notifications in one transaction. The transaction re-reads
 * the case and refuses with CONFLICT if someone else changed it in between.
 */
export async function transition(
  ctx: ActionContext,
  caseId: string,
  action: CaseActionName,
  build: (doc: CaseDoc, actor: Actor, now: Date) => Promise<Change> | Change,
  extra: Parameters<typeof decide>[4] = {},
): Promise<CaseDetail> {
  const { db } = ctx.rt
  const openid = ctx.requireCaller().openid
  const now = ctx.now()
  const doc = await loadCase(db, caseId)
  const actor = actorOf(doc, openid, ctx.assignments)
  const out = decide(action, factsOf(doc, openid), actor, now, { reopenCount: doc.reopenCount, ...extra })
  if (!out.ok) raise(out)
  const change = await build(doc, actor, now)
  const next: CaseDoc = {
    ...doc,
    ...change.patch,
    status: out.next,
    updatedAt: now.toISOString(),
    timeline: [...doc.timeline, change.entry],
  }
  const written = await figureTransaction(db, now, async (tx, moveFigures) => {
    const ref = tx.collection(CASE_COLLECTIONS.cases).doc(caseId)
    const current = await ref.get()
    if (!current || current.status !== doc.status || current.timeline.length !== doc.timeline.length) return false
    await ref.update({
      ...replaceWhole(db, change.patch),
      status: next.status,
      updatedAt: next.updatedAt,
      timeline: next.timeline,
    })
    for (const n of change.notices) await notify(tx, n, now)
    await moveFigures(figureDeltas(current, { ...current, ...change.patch, status: next.status }))
    return true
  })
  if (!written) throw new AppError('CONFLICT', '这件诉求刚刚有了新进展，请刷新后再试')
  // Asked afresh: after a transfer or a return the caller may no longer handle the case.
  return toDetail(next, actorOf(next, openid, ctx.assignments), openid, now, await photoUrlsOf(ctx.rt.storage, next))
}

/**
 * Free text that lands on the timeline the petitioner reads (notes, replies, reasons) goes
 * through the content check port first, as the description does at submission: WeChat
 * requires user-generated text to pass content security before others see it.
 * `[field, text]` pairs; only `risky` is refused.
 */
export async function checkPublicText(ctx: ActionContext, fields: Array<[field: string, text: string]>): Promise<void> {
  const openid = ctx.requireCaller().openid
  for (const [field, text] of fields) {
    if (!text.trim()) continue
    if ((await ctx.rt.contentCheck.check(text, openid)) === 'risky') {
      throw new AppError('BAD_REQUEST', '填写的内容中含有不适宜的文字，请修改后再提交', {
        issues: [{ path: [field], message: '含有不适宜的内容，请修改' }],
      })
    }
  }
}

/** The caller's staff role at one of these units, for the timeline entry's "who". */
export const roleIn = (ctx: ActionContext, scope: readonly string[]) =>
  ctx.assignments.find((a) => scope.includes(a.unitId) && a.role !== 'resident' && a.role !== 'volunteer')?.role
