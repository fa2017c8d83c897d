/**
 * 诉求: the words and limits the case pages show and the `cases` contract enforces.
 * Plain values without zod, so the app imports them directly (zod stays out of its bundle)
 * and `types/cases.ts` builds its enums and schemas from the same lists.
 */

/** Life of a case (see CaseStatusSchema in cases.ts). */
export const CASE_STATUSES = ['pending_sign', 'processing', 'returned', 'resolved', 'closed', 'duplicate'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  pending_sign: '待签收',
  processing: '办理中',
  returned: '已退单待分派',
  resolved: '已办结待评价',
  closed: '已结案',
  duplicate: '重复件已合并',
}

/** How the case reached us: 小程序, 网格员代办, 12345 热线, 窗口. */
/** `forum` 座谈征 and `deputy` 代表提: issues raised at a 板凳会/议事会 or a 党代表接待日, entered from the event's minutes. */
export const CASE_CHANNELS = ['miniprogram', 'grid_proxy', 'hotline', 'window', 'forum', 'deputy'] as const
export type CaseChannel = (typeof CASE_CHANNELS)[number]
export const CASE_CHANNEL_LABELS: Record<CaseChannel, string> = {
  miniprogram: '小程序',
  grid_proxy: '网格员代办',
  hotline: '12345热线',
  window: '窗口受理',
  forum: '座谈征',
  deputy: '代表提',
}

/** How a case was closed: the three dispositions (碑林). */
export const DISPOSITIONS = ['solved', 'explained', 'law_enforcement'] as const
export type Disposition = (typeof DISPOSITIONS)[number]
export const DISPOSITION_LABELS: Record<Disposition, string> = {
  solved: '合理诉求限时解决',
  explained: '不合理诉求解释安抚',
  law_enforcement: '违法行为依法处理',
}

/** The 四本台账 every resolved case is filed in. */
export const LEDGERS = ['general', 'difficult', 'common', 'suggestion'] as const
export type Ledger = (typeof LEDGERS)[number]
export const LEDGER_LABELS: Record<Ledger, string> = {
  general: '一般问题',
  difficult: '疑难问题',
  common: '共性问题',
  suggestion: '工作建议',
}

/** 一事一评: the three answers to the satisfaction callback. */
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
}

/** SLA tier of a category. */
export const DEADLINE_TIERS = ['urgent', 'general', 'complex'] as const
export type DeadlineTier = (typeof DEADLINE_TIERS)[number]
export const DEADLINE_TIER_LABELS: Record<DeadlineTier, string> = {
  urgent: '紧急',
  general: '一般',
  complex: '复杂',
}

/** The level a category is normally handled at, lowest first. */
export const ROUTING_LEVELS = ['grid', 'community', 'community_joint', 'street', 'street_joint', 'department'] as const
export type RoutingLevel = (typeof ROUTING_LEVELS)[number]
export const ROUTING_LEVEL_LABELS: Record<RoutingLevel, string> = {
  grid: '网格',
  community: '社区',
  community_joint: '社区三方办',
  street: '街道',
  street_joint: '街道三方办',
  department: '区级部门',
}

/**
 * Lengths the forms state and the contract enforces. `descriptionMin` is the app's own ask
 * (a resident writes at least a sentence); staff entering a hotline case may write less,
 * or more: a 12345 ticket (Open311 GeoReport v2) carries up to 4,000 characters.
 */
export const CASE_LIMITS = {
  descriptionMin: 5,
  descriptionMax: 500,
  photosMax: 9,
  addressMax: 100,
  commentMax: 200,
  reasonMax: 200,
  replyMax: 500,
  proxyDescriptionMax: 4000,
  addressIdMax: 64,
} as const
