import type { TimelineEntry } from '../../../types/cases'
import { residentTimeline } from './resident-words'

const at = '2026-11-22T02:00:00.000Z'
const step = (kind: TimelineEntry['kind'], text: string, more: Partial<TimelineEntry> = {}): TimelineEntry => ({
  at,
  kind,
  text,
  staffOnly: false,
  ...more,
})

describe('residentTimeline', () => {
  it.each([
    [
      step(
        'routed',
        '位置不在任何网格范围内，按诉求人所在社区「东县门社区」的默认网格「东县门第一网格」，请于12月8日 00:00前办结',
        { unitName: '东县门第一网格' },
      ),
      '已交「东县门第一网格」办理',
    ],
    [step('routed', '按规则分派，请于12月8日 00:00前办结'), '已交社区办理'],
    [
      step('transferred', '由「东县门第一网格」转至「碑林区城管局」办理：不属于网格职责', {
        unitName: '东县门第一网格',
      }),
      '已转交「碑林区城管局」办理',
    ],
    [step('returned', '「碑林区城管局」退单：不属于本部门，由「柏树林街道」重新分派'), '正在重新安排办理单位'],
    [step('supervised', '督办：请加快办理'), '督办：请加快办理'],
    [step('signed', '「东县门第一网格」已签收，正在办理'), '「东县门第一网格」已签收，正在办理'],
    [step('resolved', '已办结（已解决）：杂物已清理'), '已办结（已解决）：杂物已清理'],
  ])('should tell a resident %j as “%s”', (entry, expected) => {
    expect(residentTimeline([entry]).map((e) => e.text)).toEqual([expected])
  })

  it('should leave out internal notes', () => {
    const entries = [
      step('submitted', '诉求已受理（本人提交），编号X'),
      step('supervised', '已超过签收时限，系统提醒尽快签收', { staffOnly: true }),
    ]
    expect(residentTimeline(entries).map((e) => e.kind)).toEqual(['submitted'])
  })
})
