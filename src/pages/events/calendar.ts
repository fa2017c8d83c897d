import { createEvent } from 'ics'

/** What goes into a phone calendar entry. */
export interface CalendarEntry {
  id: string
  title: string
  startAt: string
  endAt: string
  place: string
  description: string
}

/**
 * H5: an .ics file made with the `ics` library, downloaded by the browser; every calendar
 * app opens it. (calendar.weapp.ts uses WeChat's addPhoneCalendar.) Answers what to tell.
 */
export async function addToCalendar(entry: CalendarEntry): Promise<string> {
  const link = `${window.location.origin}${window.location.pathname}#/pages/events/detail?id=${encodeURIComponent(entry.id)}`
  const { error, value } = createEvent({
    uid: `${entry.id}@minhu-woxing`,
    title: entry.title,
    start: Date.parse(entry.startAt),
    end: Date.parse(entry.endAt),
    location: entry.place,
    description: `${entry.description}\n活动详情：${link}`,
    url: link,
    alarms: [{ action: 'display', description: entry.title, trigger: { hours: 2, before: true } }],
  })
  if (error || !value) throw new Error('日历文件生成失败，请稍后再试')
  const blob = new Blob([value], { type: 'text/calendar;charset=utf-8' })
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = `${entry.title}.ics`
  a.click()
  URL.revokeObjectURL(a.href)
  return '已下载日历文件，打开即可加入日历'
}
