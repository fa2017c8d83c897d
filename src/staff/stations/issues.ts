import type { Issue } from '../../../types/envelope'

const FIELD_LABELS: Record<string, string> = {
  unitId: '所属单位',
  name: '驿站名称',
  address: '地址',
  location: '位置',
  amenities: '便民设施',
  hours: '开放时间',
  closures: '闭馆安排',
  photos: '照片',
  contact: '联系方式',
  description: '驿站介绍',
}
const DAY_LABELS: Record<string, string> = {
  mon: '周一',
  tue: '周二',
  wed: '周三',
  thu: '周四',
  fri: '周五',
  sat: '周六',
  sun: '周日',
}

/**
 * A server validation issue as a line the staff member can act on:
 * ['hours', 'sat', 0] → "开放时间 · 周六第 1 段：…", ['closures', 1, 'to'] → "闭馆安排 · 第 2 条：…".
 */
export function issueText(issue: Issue): string {
  const [field, ...rest] = issue.path
  const parts = [FIELD_LABELS[String(field)] ?? String(field ?? '')]
  if (field === 'hours' && typeof rest[0] === 'string') {
    parts.push(`${DAY_LABELS[rest[0]] ?? rest[0]}${typeof rest[1] === 'number' ? `第 ${rest[1] + 1} 段` : ''}`)
  } else if (typeof rest[0] === 'number' && field !== 'location') {
    parts.push(`第 ${rest[0] + 1} 条`)
  }
  return `${parts.filter(Boolean).join(' · ')}：${issue.message}`
}
