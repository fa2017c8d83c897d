import type { Closure, Interval, WeeklyHours } from '../../../types/stations'
import { WEEKDAYS, WEEKDAY_LABELS } from '../../../types/stations-labels'

/** The week, Monday first, as rows of the hours editor and the hours table. */
export const WEEK = WEEKDAYS.map((key) => ({ key, label: WEEKDAY_LABELS[key] }))

/** "350米", "1.2公里", "36公里": metres under a kilometre, one decimal under ten. */
export function formatDistance(metres: number | null): string | null {
  if (metres === null) return null
  if (metres < 1000) return `${Math.max(1, Math.round(metres))}米`
  if (metres < 10_000) return `${(Math.round(metres / 100) / 10).toFixed(1)}公里`
  return `${Math.round(metres / 1000)}公里`
}

const clock = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1')

function span(i: Interval): string {
  const overnight = i.close !== '24:00' && i.close <= i.open
  return `${clock(i.open)}–${overnight ? '次日' : ''}${clock(i.close)}`
}

/**
 * The weekly hours as rows a person reads down: consecutive days with the same hours
 * share a row ("周一至周五 8:00–21:00"), a day without hours says 休息.
 */
export function hoursRows(hours: WeeklyHours): { days: string; text: string }[] {
  const texts = WEEK.map(({ key }) => ((hours[key] ?? []).length === 0 ? '休息' : hours[key].map(span).join('、')))
  const rows: { days: string; text: string }[] = []
  let start = 0
  for (let i = 1; i <= WEEK.length; i++) {
    if (i < WEEK.length && texts[i] === texts[start]) continue
    const first = WEEK[start]!.label
    const last = WEEK[i - 1]!.label
    rows.push({ days: i - 1 === start ? first : `${first}至${last}`, text: texts[start]! })
    start = i
  }
  return rows
}

/** "10月1日至10月7日 国庆节" — closures still ahead of (or covering) `today` ("2026-11-22"). */
export function upcomingClosures(closures: Closure[], today: string): string[] {
  const day = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
  return closures
    .filter((c) => c.to >= today)
    .map(
      (c) =>
        `${c.from === c.to ? day(c.from) : `${day(c.from)}至${day(c.to)}`} ${c.kind === 'holiday' ? '节假日闭馆' : '暂停开放'}：${c.reason}`,
    )
}
