import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { useAsync } from '../../../hooks/use-async'
import { can } from '../../../lib/roles'
import { casesService } from '../../../services/cases'
import { usersService, type Profile } from '../../../services/users'
import { wishesService } from '../../../services/wishes'
import { workloadRows, type Workload } from '../workload'

type Me = Pick<Profile, 'openid' | 'capabilities'> | null | undefined

/** Asks each function only for the counts the person may see, in parallel. */
async function loadWorkload(me: Me): Promise<Workload> {
  const [cases, wishes, volunteers] = await Promise.all([
    can(me, 'cases.handle') ? casesService.workload() : null,
    can(me, 'wishes.review') ? wishesService.workload() : null,
    can(me, 'volunteers.review') ? usersService.workload() : null,
  ])
  return {
    ...(cases ? { to_sign: cases.to_sign, processing: cases.processing, overdue: cases.overdue } : {}),
    ...(cases && can(me, 'cases.supervise') ? { extension: cases.extension } : {}),
    ...(wishes ? { pendingWishes: wishes.pendingReview } : {}),
    ...(volunteers ? { volunteerApplications: volunteers.volunteerApplications } : {}),
  }
}

/**
 * 工作台 → 待办: how many cases, extensions, wishes and applications wait for me, each
 * opening the box where it is done. Reloaded whenever 我的 shows (the profile is refreshed then).
 */
export function WorkloadCells({ profile }: { profile: Me }) {
  const counts = useAsync(() => (profile ? loadWorkload(profile) : Promise.resolve(null)), [profile])
  if (!profile) return null
  if (counts.error)
    return <Cell title="待办" description={`${counts.error}，下拉刷新重试`} data-testid="me-workload-error" />
  const rows = workloadRows(profile, counts.data ?? {})
  if (!counts.data) return <Cell title="待办" extra="正在加载…" />
  return (
    <>
      {rows.map((r) => (
        <Cell
          key={r.key}
          title={r.title}
          extra={<Text className={r.urgent ? 'me__count me__count--urgent' : 'me__count'}>{`${r.count} 件`}</Text>}
          clickable
          onClick={() => void Taro.navigateTo({ url: r.url })}
          data-testid={`me-workload-${r.key}`}
        />
      ))}
    </>
  )
}
