import type { z } from 'zod'
import type { EditNoticeInputSchema, NoticeStaffView } from '../../types/notices'
import { AppError } from '../core/app-error'
import { collection, type Where } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { notifyMany } from '../core/outbox'
import type { Runtime } from '../core/runtime'
import { requireManaged, viewerOf } from './access'
import { checkNoticeText } from './compose'
import { NOTICE_COLLECTIONS, type NoticeDoc, type ReceiptDoc } from './collections'
import { noticeMessage } from './fanout'
import { toStaffView } from './views'

/*
 * Changes after publication: a new version (readers told again only for a material change),
 * withdrawal (those who opened it are told why) and 公示 progress (followers are told).
 */

const PAGE = 500

/** Queues one message per receipt matching `where`, page by page; dedupe keys make a retry harmless. */
async function notifyReceipts(
  rt: Runtime,
  n: NoticeDoc,
  where: Where<ReceiptDoc>,
  key: string,
  title: string,
): Promise<void> {
  const _ = rt.db.command
  const now = rt.clock.now()
  for (let after = ''; ;) {
    const page = await collection(rt.db, NOTICE_COLLECTIONS.receipts)
      .where({ noticeId: n._id, ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()
    const messages = page.map((r) => noticeMessage(n, r.openid, `notice:${n._id}:${key}:${r._id}`, title, false))
    await notifyMany(rt.db, messages, now)
    if (page.length < PAGE) return
    after = page[page.length - 1]!._id
  }
}

const EDITABLE = ['pending_approval', 'scheduled', 'publishing', 'published'] as const

/** 修改: a new version. `material` tells everyone who already read it; a typo fix tells nobody. */
export async function editNotice(
  ctx: ActionContext,
  input: z.output<typeof EditNoticeInputSchema>,
): Promise<NoticeStaffView> {
  const n = await requireManaged(ctx, input.noticeId)
  if (!EDITABLE.some((s) => s === n.status))
    throw new AppError('CONFLICT', n.status === 'draft' ? '草稿请直接保存修改' : '已撤回的通知不能修改')
  const review = await checkNoticeText(ctx, [
    ['title', input.title],
    ['summary', input.summary],
    ['body', input.body],
  ])
  if (review && n.status !== 'pending_approval')
    throw new AppError('BAD_REQUEST', '修改后的内容需人工复核，请撤回后重新起草', {
      issues: [{ path: ['body'], message: '内容需人工复核' }],
    })
  const at = ctx.now().toISOString()
  const version = n.version + 1
  const entry = { version, at, title: input.title, material: input.material, by: ctx.requireCaller().openid }
  const patch = { title: input.title, body: input.body, summary: input.summary, version, updatedAt: at }
  const updated = await collection(ctx.rt.db, NOTICE_COLLECTIONS.notices)
    .where({ _id: n._id, version: n.version })
    .update({ ...patch, versions: ctx.rt.db.command.push([entry]) })
  if (updated !== 1) throw new AppError('CONFLICT', '通知刚被别人修改过，请刷新后再改')
  await ctx.rt.db
    .collection(NOTICE_COLLECTIONS.receipts)
    .where({ noticeId: n._id })
    .update({ title: input.title, summary: input.summary })
  const next: NoticeDoc = { ...n, ...patch, versions: [...n.versions, entry] }
  if (input.material) await notifyReceipts(ctx.rt, next, { read: true }, `v${version}`, `通知已更新：${input.title}`)
  return toStaffView(next, viewerOf(ctx, next))
}

/** 撤回: residents no longer see its text; everyone who opened it is told why. */
export async function withdrawNotice(ctx: ActionContext, noticeId: string, reason: string): Promise<NoticeStaffView> {
  const n = await requireManaged(ctx, noticeId)
  if (n.status === 'withdrawn' || n.status === 'draft')
    throw new AppError('CONFLICT', n.status === 'draft' ? '草稿还没有发出，无需撤回' : '这条通知已经撤回了')
  await checkNoticeText(ctx, [['reason', reason]])
  const at = ctx.now().toISOString()
  const updated = await collection(ctx.rt.db, NOTICE_COLLECTIONS.notices)
    .where({ _id: n._id, status: n.status })
    .update({ status: 'withdrawn', withdrawnReason: reason, updatedAt: at })
  if (updated !== 1) throw new AppError('CONFLICT', '通知状态已变化，请刷新后再试')
  await ctx.rt.db.collection(NOTICE_COLLECTIONS.receipts).where({ noticeId: n._id }).update({ withdrawn: true })
  const next: NoticeDoc = { ...n, status: 'withdrawn', withdrawnReason: reason, updatedAt: at }
  await notifyReceipts(ctx.rt, next, { read: true }, 'withdrawn', `已撤回：${reason}`)
  return toStaffView(next, viewerOf(ctx, next))
}

/** 公示进展: a progress update on a 公示; its followers are told. */
export async function addProgress(ctx: ActionContext, noticeId: string, text: string): Promise<NoticeStaffView> {
  const n = await requireManaged(ctx, noticeId)
  if (n.kind !== 'publicity') throw new AppError('BAD_REQUEST', '只有公示可以发布进展')
  if (n.status !== 'published') throw new AppError('CONFLICT', '公示发布后才能更新进展')
  await checkNoticeText(ctx, [['text', text]])
  const entry = { at: ctx.now().toISOString(), text }
  await ctx.rt.db
    .collection(NOTICE_COLLECTIONS.notices)
    .doc(n._id)
    .update({ progress: ctx.rt.db.command.push([entry]), updatedAt: entry.at })
  const next: NoticeDoc = { ...n, progress: [...n.progress, entry] }
  await notifyReceipts(ctx.rt, next, { following: true }, `progress${next.progress.length}`, `公示有新进展：${n.title}`)
  return toStaffView(next, viewerOf(ctx, next))
}
