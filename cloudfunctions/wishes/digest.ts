import type { Db } from '@cloudbase/database'
import ExcelJS from 'exceljs'
import { maskName } from '../../types/mask'
import { CATEGORY_LABELS, STATUS_LABELS, type Digest } from '../../types/wishes'
import { AppError } from '../core/app-error'
import { aggregated, collection } from '../core/data'
import type { ActionContext } from '../core/define-function'
import { requireStaff } from './actors'
import { WISH_COLLECTIONS as W, type DigestDoc, type WishDoc } from './collections'

/*
 * 未认领心愿汇总: the digests the sweep collects (sweeps.ts), for staff to export and send
 * to partner units.
 */

export function toDigest(doc: DigestDoc): Digest {
  return {
    id: doc._id,
    communityId: doc.communityId,
    period: doc.period,
    wishIds: doc.wishIds,
    createdAt: doc.createdAt,
    sentTo: doc.sentTo,
    sentAt: doc.sentAt,
  }
}

export async function loadDigest(db: Db, id: string): Promise<DigestDoc> {
  const doc = await collection(db, W.digests).doc(id).get()
  if (!doc) throw new AppError('NOT_FOUND', '找不到这期汇总')
  return doc
}

export async function listDigests(ctx: ActionContext, input: { communityId: string }): Promise<{ items: Digest[] }> {
  await requireStaff(ctx, input.communityId)
  const docs = await collection(ctx.rt.db, W.digests)
    .where({ communityId: input.communityId })
    .orderBy('period', 'desc')
    .limit(100)
    .get()
  return { items: docs.map(toDigest) }
}

/** Shanghai "YYYY-MM-DD HH:mm" for a spreadsheet cell. */
function cellTime(iso: string | null): string {
  return iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : ''
}

/**
 * The digest's wishes as an Excel workbook for partner units: what each wish asks for, by when,
 * and where — the wisher's name masked and no phone, since the sheet leaves the community.
 */
export async function digestWorkbook(
  found: readonly WishDoc[],
  communityName: string,
): Promise<{ buffer: Buffer; rows: number }> {
  const wishes = [...found].sort((a, b) => a.neededBy.localeCompare(b.neededBy))
  const book = new ExcelJS.Workbook()
  book.creator = '民呼我行'
  const sheet = book.addWorksheet('未认领微心愿')
  sheet.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '社区', key: 'community', width: 16 },
    { header: '类别', key: 'category', width: 10 },
    { header: '心愿内容', key: 'text', width: 50 },
    { header: '心愿人', key: 'wisher', width: 10 },
    { header: '需要日期', key: 'neededBy', width: 12 },
    { header: '上墙时间', key: 'openedAt', width: 18 },
    { header: '当前状态', key: 'status', width: 10 },
  ]
  sheet.getRow(1).font = { bold: true }
  wishes.forEach((w, i) =>
    sheet.addRow({
      no: i + 1,
      community: communityName,
      category: CATEGORY_LABELS[w.category],
      text: w.text,
      wisher: maskName(w.wisherName),
      neededBy: w.neededBy,
      openedAt: cellTime(w.openedAt),
      status: STATUS_LABELS[w.status],
    }),
  )
  const buffer = Buffer.from(await book.xlsx.writeBuffer())
  return { buffer, rows: wishes.length }
}

/** The digest as a stored workbook, for its community's staff: the digest and its wishes in one request. */
export async function exportDigest(ctx: ActionContext, input: { digestId: string }) {
  const { db, storage } = ctx.rt
  const [joined] = await aggregated<DigestDoc & { wishes: WishDoc[] }>(
    db
      .collection(W.digests)
      .aggregate()
      .match({ _id: input.digestId })
      .lookup({ from: W.wishes, localField: 'wishIds', foreignField: '_id', as: 'wishes' }),
  )
  if (!joined) throw new AppError('NOT_FOUND', '找不到这期汇总')
  const { wishes, ...digest } = joined
  const community = await requireStaff(ctx, digest.communityId)
  const { buffer, rows } = await digestWorkbook(wishes, community.name)
  const fileId = await storage.save(`wish-digest-${digest._id.replace(/[^\w-]/g, '_')}.xlsx`, buffer)
  return { fileId, url: await storage.url(fileId), rows }
}

/** Records that the digest was sent ("打包发送相关单位") and to whom. */
export async function markSent(ctx: ActionContext, input: { digestId: string; recipients: string[] }): Promise<Digest> {
  const digest = await loadDigest(ctx.rt.db, input.digestId)
  await requireStaff(ctx, digest.communityId)
  const openid = ctx.requireCaller().openid
  const sentTo = [...new Set([...digest.sentTo, ...input.recipients])]
  const at = ctx.now().toISOString()
  await collection(ctx.rt.db, W.digests).doc(digest._id).update({ sentTo, sentAt: at, sentBy: openid })
  return toDigest({ ...digest, sentTo, sentAt: at, sentBy: openid })
}
