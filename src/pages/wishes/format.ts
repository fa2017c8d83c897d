import type { WishCategory, WishStatus } from '../../../types/wishes'

// Only types cross over from types/ (zod stays out of the app bundle), so the labels and
// limits the pages show are restated here; format.test.ts checks they equal the contract's.

export const WISH_CATEGORIES: readonly { key: WishCategory; label: string }[] = [
  { key: 'life', label: '生活帮扶' },
  { key: 'study', label: '学习用品' },
  { key: 'medical', label: '就医陪护' },
  { key: 'repair', label: '家电维修' },
  { key: 'company', label: '陪伴聊天' },
  { key: 'other', label: '其他' },
]

export const CATEGORY_LABELS = Object.fromEntries(WISH_CATEGORIES.map((c) => [c.key, c.label])) as Record<WishCategory, string>

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

export const WISH_LIMITS = { textMin: 5, textMax: 200, photosMax: 3 } as const

/** "Needed by" choices as a resident thinks of them, rather than a calendar picker. */
export const NEEDED_BY_CHOICES = [
  { days: 3, label: '3 天内' },
  { days: 7, label: '一周内' },
  { days: 14, label: '两周内' },
  { days: 30, label: '一个月内' },
] as const

const DAY_MS = 86_400_000

/** The Asia/Shanghai date `days` after `now`, as the contract's YYYY-MM-DD. */
export function neededByDate(now: Date, days: number): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * DAY_MS).toISOString().slice(0, 10)
}

/** 2025-03-10 → 3月10日前. */
export function formatNeededBy(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日前`
}

/** NutUI Tag type per status: open wishes stand out, finished ones are calm. */
export function statusTagType(status: WishStatus): 'danger' | 'primary' | 'success' | 'default' | 'warning' {
  switch (status) {
    case 'open':
      return 'danger'
    case 'claimed':
    case 'fulfilled':
      return 'primary'
    case 'confirmed':
      return 'success'
    case 'pending_review':
      return 'warning'
    default:
      return 'default'
  }
}

export function categoryLabel(c: WishCategory): string {
  return CATEGORY_LABELS[c]
}

export function statusLabel(s: WishStatus): string {
  return STATUS_LABELS[s]
}

/** Counts characters as a resident sees them (an emoji is one), for the "12/200" hint. */
export function charCount(text: string): number {
  return Array.from(text.trim()).length
}
