import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

/**
 * The one configured dayjs of the app: zh-cn, and every time shown in Asia/Shanghai
 * whatever the phone's zone (times are stored in UTC; docs/layout.md "Time").
 */
dayjs.extend(relativeTime)
dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.locale('zh-cn')

const ZONE = 'Asia/Shanghai'

/** 2026-11-22T02:05:00Z → 11月22日 10:05; an earlier year shows the year too. */
export function formatTime(iso: string, now: dayjs.Dayjs = dayjs()): string {
  const t = dayjs(iso).tz(ZONE)
  return t.year() === now.tz(ZONE).year() ? t.format('M月D日 HH:mm') : t.format('YYYY年M月D日 HH:mm')
}

/**
 * The Asia/Shanghai calendar date (`2026-11-22`) `offsetDays` from `now`, whatever the
 * phone's zone: report ranges, "today" for closures, a wish's needed-by date. (The
 * functions keep their own copies: cloudfunctions/cases/domain/deadlines.ts and others.)
 */
export function shanghaiDate(offsetDays = 0, now: Date | dayjs.Dayjs = dayjs()): string {
  return dayjs(now).tz(ZONE).add(offsetDays, 'day').format('YYYY-MM-DD')
}

/** "3 分钟前" style, for lists. */
export function fromNow(iso: string, now: dayjs.Dayjs = dayjs()): string {
  return dayjs(iso).from(now)
}

export default dayjs
