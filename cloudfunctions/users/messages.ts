import type { Db } from '@cloudbase/database'
import {
  MESSAGE_KIND_NAMES,
  MESSAGE_KINDS,
  type InboxItem,
  type SubscribeResult,
  type SubscriptionGrant,
} from '../../types/notifications'
import type { ReminderSetting } from '../../types/users'
import { AppError } from '../core/app-error'
import { COLLECTIONS, type InboxDoc } from '../core/collections'
import { aggregated, collection, pageOf, transaction, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { grantIdFor, subscriptionId, type SubscriptionDoc } from '../core/outbox'

/*
 * The caller's messages: the in-app inbox the outbox drain fills, and the subscribe-message
 * grants that let it also send a WeChat message.
 */

/** Each `accept` allows one subscribe message of that template; rejections are counted for the ledger. */
export async function recordSubscription(
  ctx: ActionContext,
  results: Record<string, SubscribeResult>,
): Promise<SubscriptionGrant[]> {
  const { openid } = ctx.requireCaller()
  const known = new Set(Object.values(ctx.rt.templates).map((t) => t.id))
  const unknown = Object.keys(results).filter((id) => !known.has(id))
  if (unknown.length > 0)
    throw new AppError('BAD_REQUEST', '消息模板不存在', {
      issues: unknown.map((id) => ({ path: ['results', id], message: '不是本小程序的消息模板' })),
    })
  const now = ctx.now().toISOString()
  const grants: SubscriptionGrant[] = []
  for (const [templateId, result] of Object.entries(results)) {
    const id = subscriptionId(openid, templateId)
    const remaining = await transaction(ctx.rt.db, async (tx) => {
      const doc = tx.collection(COLLECTIONS.subscriptions).doc(id)
      const current = await doc.get()
      const accepted = result === 'accept' ? 1 : 0
      const next: Omit<SubscriptionDoc, '_id'> = {
        openid,
        templateId,
        // A user who bans a template has withdrawn every grant for it.
        remaining: result === 'ban' ? 0 : (current?.remaining ?? 0) + accepted,
        accepted: (current?.accepted ?? 0) + accepted,
        rejected: (current?.rejected ?? 0) + (result === 'reject' || result === 'ban' ? 1 : 0),
        lastResult: result,
        updatedAt: now,
      }
      await doc.set(next)
      return next.remaining
    })
    grants.push({ templateId, remaining })
  }
  return grants
}

function toInboxItem(doc: InboxDoc): InboxItem {
  return {
    id: doc._id,
    title: doc.title,
    body: doc.body,
    link: doc.link,
    createdAt: doc.createdAt,
    read: doc.readAt !== null,
  }
}

/**
 * A page of the caller's messages with the total and the unread count (the 消息 badge). A
 * page that ends the list holds every message after those before it, so when nothing came
 * before it the counts are read off the page; otherwise both come from one group by
 * `readAt` (unread ones share the null group) instead of two counts.
 */
export async function inbox(ctx: ActionContext, input: { page: number; pageSize: number }) {
  const { openid } = ctx.requireCaller()
  const { db } = ctx.rt
  const { docs, hasMore } = await pageOf(
    collection(db, COLLECTIONS.inbox).where({ openid }).orderBy('createdAt', 'desc'),
    input,
  )
  const whole = input.page === 1 && !hasMore
  const { total, unread } = whole
    ? { total: docs.length, unread: docs.filter((d) => d.readAt === null).length }
    : await inboxCounts(db, openid)
  return { items: docs.map(toInboxItem), total, unread, hasMore, page: input.page, pageSize: input.pageSize }
}

async function inboxCounts(db: Db, openid: string): Promise<{ total: number; unread: number }> {
  const groups = await aggregated<{ _id: string | null; n: number }>(
    db
      .collection(COLLECTIONS.inbox)
      .aggregate()
      .match({ openid })
      .group({ _id: '$readAt', n: db.command.aggregate.sum(1) }),
  )
  return { total: groups.reduce((t, g) => t + g.n, 0), unread: groups.find((g) => g._id === null)?.n ?? 0 }
}

export async function markRead(
  ctx: ActionContext,
  input: { ids: string[] } | { all: true },
): Promise<{ updated: number }> {
  const { openid } = ctx.requireCaller()
  const _ = ctx.rt.db.command
  const query: Where<InboxDoc> = { openid, readAt: null }
  if ('ids' in input) query._id = _.in(input.ids)
  return {
    updated: await collection(ctx.rt.db, COLLECTIONS.inbox).where(query).update({ readAt: ctx.now().toISOString() }),
  }
}

/**
 * The 消息提醒 settings: every message kind, the template this deployment sends it with, and
 * where the person stands — how many one-time messages they allowed, and their last choice.
 */
export async function reminderSettings(ctx: ActionContext): Promise<ReminderSetting[]> {
  const { openid } = ctx.requireCaller()
  const ids = MESSAGE_KIND_NAMES.flatMap((kind) => grantIdFor(ctx.rt.templates, openid, kind) ?? [])
  const docs = ids.length
    ? await collection(ctx.rt.db, COLLECTIONS.subscriptions)
        .where({ _id: ctx.rt.db.command.in(ids) })
        .limit(ids.length)
        .get()
    : []
  const byTemplate = new Map(docs.map((d) => [d.templateId, d]))
  return MESSAGE_KIND_NAMES.map((kind) => {
    const templateId = ctx.rt.templates[kind]?.id ?? null
    const grant = templateId ? byTemplate.get(templateId) : undefined
    return {
      kind,
      label: MESSAGE_KINDS[kind].label,
      ask: MESSAGE_KINDS[kind].ask,
      templateId,
      remaining: grant?.remaining ?? 0,
      lastResult: grant?.lastResult ?? null,
    }
  })
}
