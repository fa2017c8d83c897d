import type { SeriesRule } from '../../../types/events-draft-parts'

/*
 * The dates of a series, pure: weekly on a weekday, or monthly on a day ≤ 28 (every month
 * has it, so no occurrence silently slides to another day).
 */

function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10)
}

function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay()
  return d === 0 ? 7 : d
}

/** The first `count` dates on or after `from` that the rule falls on. */
export function occurrenceDates(rule: SeriesRule, from: string, count: number): string[] {
  const out: string[] = []
  if (rule.kind === 'weekly') {
    let d = addDays(from, (rule.weekday - weekday(from) + 7) % 7)
    while (out.length < count) {
      out.push(d)
      d = addDays(d, 7)
    }
    return out
  }
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  if (Number(from.slice(8, 10)) > rule.day) month++
  while (out.length < count) {
    if (month > 12) {
      month = 1
      year++
    }
    out.push(`${year}-${String(month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`)
    month++
  }
  return out
}

/** `周一` / `每月 15 日`, for the series' description. */
export function describeRule(rule: SeriesRule): string {
  return rule.kind === 'weekly' ? `每周${'一二三四五六日'[rule.weekday - 1]}` : `每月${rule.day}日`
}

export { addDays as addCalendarDays }
