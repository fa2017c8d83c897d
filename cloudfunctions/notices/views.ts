import type { NoticeDetail, NoticeStaffView, NoticeSummary } from '../../types/notices'
import type { Storage } from '../core/runtime'
import type { NoticeDoc, ReceiptDoc } from './collections'

/*
 * What each viewer sees of a notice: residents their receipt and the notice's text, staff the
 * whole notice with the actions they may take now. Never an openid.
 */

type StaffAction = NoticeStaffView['can'][number]

export function isExpired(expiresAt: string | null, now: Date): boolean {
  return expiresAt !== null && new Date(expiresAt).getTime() <= now.getTime()
}

export function toSummary(r: ReceiptDoc, now: Date): NoticeSummary {
  return {
    id: r.noticeId,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    category: r.category,
    priority: r.priority,
    unitName: r.unitName,
    publishedAt: r.publishedAt,
    pinned: r.pinnedUntil !== null && new Date(r.pinnedUntil).getTime() > now.getTime(),
    expired: isExpired(r.expiresAt, now),
    withdrawn: r.withdrawn,
    read: r.read,
    ackRequired: r.ackRequired,
    acknowledged: r.acked,
  }
}

export async function toDetail(notice: NoticeDoc, r: ReceiptDoc, now: Date, storage: Storage): Promise<NoticeDetail> {
  const withdrawn = notice.status === 'withdrawn'
  return {
    ...toSummary(r, now),
    title: notice.title,
    summary: notice.summary,
    // A withdrawn notice keeps only its title and the reason: its text may have been wrong.
    body: withdrawn ? '' : notice.body,
    images: withdrawn ? [] : await Promise.all(notice.images.map((id) => storage.url(id))),
    attachments: withdrawn
      ? []
      : await Promise.all(notice.attachments.map(async (a) => ({ ...a, url: await storage.url(a.fileId) }))),
    eventId: notice.eventId,
    expiresAt: notice.expiresAt,
    ackDeadline: notice.ackDeadline,
    readAt: r.readAt,
    acknowledgedAt: r.ackedAt,
    withdrawnReason: notice.withdrawnReason,
    version: notice.version,
    progress: notice.progress,
    following: r.following,
  }
}

export interface StaffViewer {
  openid: string
  manages: boolean
  approves: boolean
}

function actionsFor(n: NoticeDoc, v: StaffViewer): StaffAction[] {
  const can: StaffAction[] = []
  if (!v.manages) return n.status === 'published' || n.status === 'publishing' ? ['reach'] : []
  if (n.status === 'draft') can.push('edit', 'publish')
  if (n.status === 'pending_approval' && v.approves && n.createdBy !== v.openid) can.push('approve')
  if (n.status === 'published' || n.status === 'publishing') can.push('edit', 'reach')
  if (n.status === 'published' && n.kind === 'publicity') can.push('addProgress')
  if (n.status !== 'withdrawn' && n.status !== 'draft') can.push('withdraw')
  return can
}

export function toStaffView(n: NoticeDoc, v: StaffViewer): NoticeStaffView {
  return {
    id: n._id,
    unitId: n.unitId,
    unitName: n.unitName,
    kind: n.kind,
    status: n.status,
    title: n.title,
    body: n.body,
    summary: n.summary,
    category: n.category,
    priority: n.priority,
    images: n.images,
    attachments: n.attachments,
    eventId: n.eventId,
    publishAt: n.publishAt,
    publishedAt: n.publishedAt,
    expiresAt: n.expiresAt,
    pinnedUntil: n.pinnedUntil,
    ackRequired: n.ackRequired,
    ackDeadline: n.ackDeadline,
    audience: { unitIds: n.audience.unitIds, unitNames: n.audience.unitNames, filter: n.audience.filter },
    needsApproval: n.approvalReason !== null && n.approvedBy === null,
    approvalReason: n.approvalReason,
    createdByMe: n.createdBy === v.openid,
    recipientCount: n.recipientCount,
    version: n.version,
    versions: n.versions.map(({ by: _by, ...rest }) => rest),
    progress: n.progress,
    withdrawnReason: n.withdrawnReason,
    createdAt: n.createdAt,
    can: actionsFor(n, v),
  }
}
