/**
 * 红色驿站: the words the station pages show and the `stations` contract uses. Plain values
 * without zod, so the app imports them directly (zod stays out of its bundle).
 */

/** Weekday keys, Monday first as a Chinese calendar shows them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: '周一',
  tue: '周二',
  wed: '周三',
  thu: '周四',
  fri: '周五',
  sat: '周六',
  sun: '周日',
}
