import { useEffect, useMemo, useState } from 'react'
import { ActionSheet, Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { UnitView } from '../../types/org'
import type { Capability } from '../../types/policy'
import { useAsync } from '../hooks/use-async'
import { useMe } from '../hooks/use-me'
import { usersService, type Profile } from '../services/users'
import { needsOrgTree, reviewerCommunities, type CommunityChoice } from './reviewer-communities'

type Choose<C extends CommunityChoice> = (me: Profile, capability: Capability, communities: UnitView[]) => C[]

/**
 * The community a reviewing page works on: the communities where the signed-in staff member
 * holds the capability (volunteers or wishes review), and the chosen one (the first, unless
 * the page was opened for another).
 */
export function useReviewerCommunity(capability: Capability, initialId: string | null = null) {
  return useUnitChoice(capability, reviewerCommunities, initialId)
}

/** As useReviewerCommunity, with the units to choose from given by `choose` (a module-level function). */
export function useUnitChoice<C extends CommunityChoice>(
  capability: Capability,
  choose: Choose<C>,
  initialId: string | null = null,
) {
  const { profile } = useMe()
  const needsTree = !!profile && needsOrgTree(profile, capability)
  const tree = useAsync(
    () => (needsTree ? usersService.orgTree({ kinds: ['community'] }) : Promise.resolve({ units: [] })),
    [profile],
  )
  const communities = useMemo(
    () => (profile ? choose(profile, capability, tree.data?.units ?? []) : []),
    [profile, capability, tree.data, choose],
  )
  const [communityId, setCommunityId] = useState<string | null>(initialId)
  useEffect(() => {
    if (!communityId && communities[0]) setCommunityId(communities[0].id)
  }, [communities, communityId])
  const current = communities.find((c) => c.id === communityId)
  return { communities, communityId, setCommunityId, current, loading: tree.loading }
}

/** A 社区 cell that opens a sheet to switch community when there is more than one. */
export function CommunityPicker(props: {
  communities: CommunityChoice[]
  current: CommunityChoice | undefined
  loading: boolean
  onChange(id: string): void
  testId?: string
  /** What is chosen: 社区 unless the list holds other units (a grid). */
  title?: string
}) {
  const { communities, current, loading, onChange, testId, title = '社区' } = props
  const [picking, setPicking] = useState(false)
  return (
    <>
      <CellGroup>
        <Cell
          title={title}
          extra={current?.name ?? (loading ? '正在加载…' : '没有可审核的社区')}
          clickable={communities.length > 1}
          onClick={() => communities.length > 1 && setPicking(true)}
          data-testid={testId}
        />
      </CellGroup>
      <ActionSheet
        visible={picking}
        title={`选择${title}`}
        options={communities.map((c) => ({ name: c.name, id: c.id }))}
        cancelText="取消"
        onCancel={() => setPicking(false)}
        onSelect={(item) => {
          onChange(String(item.id))
          setPicking(false)
        }}
      />
    </>
  )
}
