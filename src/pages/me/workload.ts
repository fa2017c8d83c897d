import type { Capability } from '../../../types/policy'
import { can } from '../../lib/roles'
import type { Profile } from '../../services/users'

/** The six counts of the 工作台 (those the person has no capability for stay undefined). */
export interface Workload {
  to_sign?: number
  processing?: number
  overdue?: number
  extension?: number
  pendingWishes?: number
  volunteerApplications?: number
}

export interface WorkloadRow {
  key: keyof Workload
  title: string
  count: number
  /** Where the task is done. */
  url: string
  /** Worth the eye: late, or a decision someone else waits for. */
  urgent: boolean
}

const ROWS: { key: keyof Workload; title: string; needs: Capability; url: string; urgent: boolean }[] = [
  { key: 'to_sign', title: '待签收', needs: 'cases.handle', url: '/staff/cases/index?box=to_sign', urgent: false },
  {
    key: 'processing',
    title: '办理中',
    needs: 'cases.handle',
    url: '/staff/cases/index?box=processing',
    urgent: false,
  },
  { key: 'overdue', title: '已超期', needs: 'cases.handle', url: '/staff/cases/index?box=overdue', urgent: true },
  {
    key: 'extension',
    title: '延期待审核',
    needs: 'cases.supervise',
    url: '/staff/cases/index?box=extension',
    urgent: true,
  },
  { key: 'pendingWishes', title: '待审核心愿', needs: 'wishes.review', url: '/staff/wishes/index', urgent: true },
  {
    key: 'volunteerApplications',
    title: '待审核志愿者',
    needs: 'volunteers.review',
    url: '/staff/volunteers/index',
    urgent: true,
  },
]

type Me = Pick<Profile, 'capabilities'> | null | undefined

/** The rows this person's capabilities give, in the 工作台's order, with the counts loaded. */
export function workloadRows(me: Me, counts: Workload): WorkloadRow[] {
  return ROWS.filter((r) => can(me, r.needs) && counts[r.key] !== undefined).map((r) => ({
    key: r.key,
    title: r.title,
    count: counts[r.key]!,
    url: r.url,
    urgent: r.urgent && counts[r.key]! > 0,
  }))
}
