import { CATEGORY_LABELS, STATUS_LABELS, type WishCategory, type WishStatus } from '../../../types/wishes-labels'

export { CATEGORY_LABELS, STATUS_LABELS, WISH_CATEGORIES, WISH_LIMITS } from '../../../types/wishes-labels'

/** "Needed by" choices as a resident thinks of them, rather than a calendar picker. */
export const NEEDED_BY_CHOICES = [
  { days: 3, label: '3 天内' },
  { days: 7, label: '一周内' },
  { days: 14, label: '两周内' },
  { days: 30, label: '一个月内' },
] as const

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
