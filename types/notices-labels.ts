/**
 * 社区通知: the words and limits the notice pages show and the `notices` contract enforces.
 * Plain values without zod, so the app imports them directly and `types/notices.ts` builds
 * its enums and schemas from the same lists.
 */

/** What a notice is about (the categories 社区 notice boards use). */
export const NOTICE_CATEGORIES = [
  'water_power',
  'gas',
  'safety',
  'flood',
  'policy',
  'activity',
  'property',
  'project',
  'other',
] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  water_power: '停水停电',
  gas: '燃气',
  safety: '安全',
  flood: '防汛',
  policy: '政策宣传',
  activity: '活动',
  property: '物业公示',
  project: '重点项目',
  other: '其他',
}

/** 普通 / 重要 / 紧急: decides the subscribe message, quiet hours and the second approval. */
export const NOTICE_PRIORITIES = ['normal', 'important', 'urgent'] as const
export type NoticePriority = (typeof NOTICE_PRIORITIES)[number]
export const NOTICE_PRIORITY_LABELS: Record<NoticePriority, string> = {
  normal: '普通',
  important: '重要',
  urgent: '紧急',
}

/** A plain notice, or a 公示 (物业服务公示, 重点项目) that gets progress updates and followers. */
export const NOTICE_KINDS = ['notice', 'publicity'] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { notice: '通知', publicity: '公示' }

/** Who among the residents of the chosen units receives it. */
export const AUDIENCE_FILTERS = ['all', 'party_members', 'volunteers', 'building_heads'] as const
export type AudienceFilter = (typeof AUDIENCE_FILTERS)[number]
export const AUDIENCE_FILTER_LABELS: Record<AudienceFilter, string> = {
  all: '全体居民',
  party_members: '党员',
  volunteers: '志愿者',
  building_heads: '楼栋长',
}

/** How staff reached someone the notice did not reach; counts as reached. */
export const FOLLOW_UP_METHODS = ['phone', 'visit', 'proxy'] as const
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number]
export const FOLLOW_UP_METHOD_LABELS: Record<FollowUpMethod, string> = {
  phone: '电话告知',
  visit: '上门告知',
  proxy: '代为告知',
}

export const NOTICE_STATUSES = [
  'draft',
  'pending_approval',
  'scheduled',
  'publishing',
  'published',
  'withdrawn',
] as const
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  draft: '草稿',
  pending_approval: '待审核',
  scheduled: '定时发布',
  publishing: '发送中',
  published: '已发布',
  withdrawn: '已撤回',
}

export const NOTICE_LIMITS = {
  titleMax: 40,
  bodyMax: 3000,
  /** Fits a subscribe-message `thing` field (20 characters). */
  summaryMax: 20,
  imagesMax: 9,
  attachmentsMax: 5,
  /** Per PDF; WeChat's downloadFile + openDocument handle this comfortably on a phone. */
  attachmentMaxBytes: 10 * 1024 * 1024,
  reasonMax: 200,
  noteMax: 200,
  progressMax: 500,
  audienceUnitsMax: 30,
} as const

/** Shown to residents on every notice: reading and acknowledging are recorded. */
export const NOTICE_RECORDING_NOTE = '打开通知和点击“我已知晓”的时间会被记录，社区据此了解还有谁没有收到。'
