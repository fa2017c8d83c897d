import Taro from '@tarojs/taro'
import type { CalendarEntry } from './calendar'

export type { CalendarEntry }

/**
 * WeChat: 加入手机日历 with a reminder an hour before. The entry cannot link into the mini
 * program, so its description says where to find the event again.
 */
export async function addToCalendar(entry: CalendarEntry): Promise<string> {
  await Taro.addPhoneCalendar({
    title: entry.title,
    startTime: Math.floor(Date.parse(entry.startAt) / 1000),
    // Taro types endTime as a string; WeChat reads the seconds either way.
    endTime: String(Math.floor(Date.parse(entry.endAt) / 1000)),
    location: entry.place,
    description: `${entry.description}\n详情：微信小程序「民呼我行」→ 活动报名 → 我的活动`,
    alarm: true,
    alarmOffset: 3600,
  })
  return '已加入手机日历'
}
