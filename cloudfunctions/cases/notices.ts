import type { Db } from '@cloudbase/database'
import { rolesWith } from '../../types/policy'
import { rosterAt } from '../core/authz'
import { COLLECTIONS } from '../core/collections'
import { collection } from '../core/data'
import type { NotifyInput, PushInput } from '../core/outbox'
import type { CaseDoc } from './collections'

/*
 * Who hears of a case's steps, and how. Builders only: a transition returns these in its
 * `Change` and the engine queues them with `notify(tx, …)` in the case's own transaction.
 * Dedupe key: `case:<id>:<event>:<openid>`, where the event names the step and the timeline
 * length at it, so a retried step adds nothing and a repeated kind of step notifies again.
 */

const caseLink = (id: string) => `/pages/cases/detail?id=${id}`

/**
 * The petitioner hears of every step in the inbox, and by subscribe message when they
 * granted it: 诉求受理 when it is routed, 办结待评价 when it is resolved, 办理进度 for the
 * steps between — number, category or step, and the step in a few characters
 * (`诉求已签收` → 已签收; every field is cut to WeChat's limits when sent).
 */
export function petitionerNotice(doc: CaseDoc, event: string, title: string, body: string): NotifyInput[] {
  if (!doc.petitionerOpenid) return []
  const step = title.replace(/^诉求/, '').split('，')[0] ?? title
  return [
    {
      dedupeKey: `case:${doc._id}:${event}:${doc.petitionerOpenid}`,
      openid: doc.petitionerOpenid,
      title,
      body,
      link: caseLink(doc._id),
      template: casePush(doc, event, title, step),
    },
  ]
}

function casePush(doc: CaseDoc, event: string, title: string, step: string): PushInput {
  if (event === 'routed')
    return { kind: 'caseAccepted', data: { number: doc.number, category: doc.categoryName, status: step } }
  if (event.startsWith('resolved'))
    return {
      kind: 'caseResolved',
      data: { number: doc.number, reply: doc.resolution?.reply ?? title, status: '待评价' },
    }
  return { kind: 'caseProgress', data: { number: doc.number, step: title, status: step } }
}

/** Residents who pressed 我也遇到 hear when the case is resolved. */
export function followerNotices(doc: CaseDoc, event: string, title: string, body: string): NotifyInput[] {
  return doc.followers.map((openid) => ({
    dedupeKey: `case:${doc._id}:${event}:${openid}`,
    openid,
    title,
    body,
    link: caseLink(doc._id),
  }))
}

/** The person who pressed 我也遇到 is told they will hear when it is resolved. */
export function followedNotice(doc: Pick<CaseDoc, '_id' | 'number'>, openid: string): NotifyInput {
  return {
    dedupeKey: `case:${doc._id}:followed:${openid}`,
    openid,
    title: '已关注诉求',
    body: `${doc.number}办结时会通知您`,
    link: caseLink(doc._id),
  }
}

/**
 * The staff who must act on the case, in the inbox; with `todo`, also by a 待办提醒
 * subscribe message (staffTodo) where they granted one: a decision waits for them.
 */
export function staffNotices(
  doc: CaseDoc,
  staff: string[],
  event: string,
  title: string,
  body: string,
  todo?: StaffTodo,
): NotifyInput[] {
  return staff.map((openid) => ({
    dedupeKey: `case:${doc._id}:${event}:${openid}`,
    openid,
    title,
    body,
    link: `/staff/cases/detail?id=${doc._id}`,
    ...(todo
      ? {
          template: {
            kind: 'staffTodo' as const,
            data: { task: todo.task, count: '1', status: todo.status },
            urgent: todo.urgent ?? false,
          },
        }
      : {}),
  }))
}

/** What a 待办提醒 says: the task (thing) and its state (phrase); one case is one item. */
export interface StaffTodo {
  task: string
  status: string
  /** Goes out even in the quiet hours (a case the petitioner sent back as 不满意). */
  urgent?: boolean
}

/**
 * Who decides an extension of a case handled at the last unit of `unitScope`: the holders of
 * `cases.supervise` at the nearest unit above it that has any (a grid's 社区书记; else the
 * street). Admins are left out, as from the handling roster.
 */
export async function supervisorsOf(db: Db, unitScope: readonly string[]): Promise<string[]> {
  const above = unitScope.slice(0, -1)
  if (above.length === 0) return []
  const roles = rolesWith('cases.supervise').filter((r) => r !== 'admin')
  const assignments = await collection(db, COLLECTIONS.roleAssignments)
    .where({ unitId: db.command.in(above), role: db.command.in(roles) })
    .limit(100)
    .get()
  for (const unitId of [...above].reverse()) {
    const here = assignments.filter((a) => a.unitId === unitId).map((a) => a.openid)
    if (here.length) return [...new Set(here)]
  }
  return []
}

/** Openids of the staff who handle cases at exactly this unit (whom a new case is announced to). */
export function staffOf(db: Db, unitId: string): Promise<string[]> {
  return rosterAt(db, unitId, 'cases.handle')
}
