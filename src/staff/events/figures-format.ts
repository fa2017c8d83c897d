import { EVENT_KIND_LABELS } from '../../../types/events-labels'
import { percent } from '../../../types/events-figures-labels'
import type { UnitEventFigures } from '../../services/events-figures'
import dayjs from '../../lib/dayjs'

/** `2026-11` moved by whole months. */
export function shiftMonth(month: string, by: number): string {
  return dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM')
}

type Counts = Omit<UnitEventFigures, 'unitId' | 'unitName' | 'byKind' | 'monthly'>

/** The headline measures, in the order the page shows them. */
export const MEASURES: Array<{ key: string; label: string; show(f: Counts): string }> = [
  { key: 'events', label: '活动场次', show: (f) => String(f.events) },
  { key: 'signUps', label: '报名人数', show: (f) => String(f.signUps) },
  { key: 'attendanceRate', label: '出勤率', show: (f) => percent(f.attendanceRate) },
  { key: 'noShowRate', label: '缺席率', show: (f) => percent(f.noShowRate) },
  { key: 'partyShare', label: '党员占比', show: (f) => percent(f.partyShare) },
  { key: 'hours', label: '服务时长', show: (f) => `${f.hours}小时` },
  { key: 'satisfactionRate', label: '满意率', show: (f) => percent(f.satisfactionRate) },
]

/** `板凳会 2、义诊 1`, or that nothing was held. */
export function kindsLine(u: Pick<UnitEventFigures, 'byKind'>): string {
  if (u.byKind.length === 0) return '本月没有活动'
  return u.byKind.map((k) => `${EVENT_KIND_LABELS[k.kind]} ${k.events}`).join('、')
}

/** One community's people line: 报名、签到、缺席、补登、党员. */
export function peopleLine(u: Counts): string {
  if (u.held === 0) return '本月还没有已结束的活动'
  return `已举办 ${u.held} 场：报名 ${u.signUps} 人，签到 ${u.present} 人（${percent(u.attendanceRate)}），缺席 ${u.absent} 人（${percent(u.noShowRate)}），现场补登 ${u.walkIns} 人；参加者中党员 ${u.partyMembers} 人（${percent(u.partyShare)}）；服务时长 ${u.hours} 小时；评价 ${u.rated} 人，满意率 ${percent(u.satisfactionRate)}`
}
