import type { TimelineEntry } from '../../../types/cases'

/**
 * The timeline as the person who asked reads it. Handling steps are written for staff — the
 * routing reason and the unit's own deadline ("位置不在任何网格范围内…默认网格…请于…前办结"),
 * why one unit passed it on or sent it back — and only confuse a resident, who
 * wants to know who has the case now. Staff-only notes are left out entirely.
 */
export function residentTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries.filter((e) => !e.staffOnly).map((e) => ({ ...e, text: residentText(e) }))
}

function residentText(e: TimelineEntry): string {
  switch (e.kind) {
    case 'routed':
      return e.unitName ? `已交「${e.unitName}」办理` : '已交社区办理'
    case 'transferred': {
      const to = /转至「([^」]+)」/.exec(e.text)?.[1]
      return to ? `已转交「${to}」办理` : '已转交其他单位办理'
    }
    case 'returned':
      return '正在重新安排办理单位'
    default:
      return e.text
  }
}
