/**
 * 微心愿: the words and limits the wish pages show and the `wishes` contract enforces.
 * Plain values without zod, so the app imports them directly (zod stays out of its bundle)
 * and `types/wishes.ts` builds its schemas from the same lists.
 */

export const WISH_CATEGORIES = [
  { key: 'life', label: '生活帮扶' },
  { key: 'study', label: '学习用品' },
  { key: 'medical', label: '就医陪护' },
  { key: 'repair', label: '家电维修' },
  { key: 'company', label: '陪伴聊天' },
  { key: 'other', label: '其他' },
] as const
export type WishCategory = (typeof WISH_CATEGORIES)[number]['key']
export const WISH_CATEGORY_KEYS = WISH_CATEGORIES.map((c) => c.key) as [WishCategory, ...WishCategory[]]
export const CATEGORY_LABELS = Object.fromEntries(WISH_CATEGORIES.map((c) => [c.key, c.label])) as Record<
  WishCategory,
  string
>

/**
 * Where a wish is in its life. `fulfilled` waits for the wisher's confirmation;
 * `confirmed` is done (and credited); `rejected`, `withdrawn` and `hidden` are off the wall.
 */
export const WISH_STATUSES = [
  'pending_review',
  'rejected',
  'open',
  'claimed',
  'fulfilled',
  'confirmed',
  'withdrawn',
  'hidden',
] as const
export type WishStatus = (typeof WISH_STATUSES)[number]
export const STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  rejected: '未通过',
  open: '待认领',
  claimed: '已认领',
  fulfilled: '待确认',
  confirmed: '已完成',
  withdrawn: '已撤回',
  hidden: '已隐藏',
}

/** Limits stated in the UI and enforced by the contract. */
export const WISH_LIMITS = {
  textMin: 5,
  textMax: 200,
  photosMax: 3,
  noteMax: 200,
  reasonMax: 100,
  thanksMax: 100,
  /** How far ahead a "needed by" date may be. */
  neededByMaxDays: 90,
} as const
