/**
 * The resident features shown on 首页. Each feature adds its entry here when its pages
 * exist (微心愿、红色驿站、活动报名、我要反映); until then the list is empty and the page
 * says so rather than showing buttons that lead nowhere.
 */
export interface HomeEntry {
  /** stable id, also the `data-testid` suffix: `home-entry-<id>` */
  id: string
  /** a large emoji read before the title: older residents find a service by its picture */
  icon: string
  title: string
  description: string
  url: string
}

export const HOME_ENTRIES: readonly HomeEntry[] = [
  {
    id: 'wishes',
    icon: '💝',
    title: '微心愿',
    description: '说出您的小心愿，党员志愿者来认领',
    url: '/pages/wishes/index',
  },
  {
    id: 'cases',
    icon: '📣',
    title: '我要反映',
    description: '身边的难事、烦心事，说给社区听',
    url: '/pages/cases/index',
  },
  {
    id: 'events',
    icon: '🎫',
    title: '活动报名',
    description: '板凳会、党课、义诊，名额有限先到先得',
    url: '/pages/events/index',
  },
  {
    id: 'stations',
    icon: '🚩',
    title: '红色驿站',
    description: '找附近的驿站：歇脚、喝水、充电',
    url: '/pages/stations/index',
  },
]
