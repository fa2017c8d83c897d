import { useEffect, useMemo, useState } from 'react'
import type { UnitView } from '../../types/org'
import type { Capability } from '../../types/policy'
import { UnitSelect } from '../components/unit-picker'
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
    // Streets too: the picker shows the communities under them.
    () => (needsTree ? usersService.orgTree({ kinds: ['street', 'community'] }) : Promise.resolve({ units: [] })),
    [profile],
  )
  const units = useMemo(() => tree.data?.units ?? [], [tree.data])
  const communities = useMemo(
    () => (profile ? choose(profile, capability, units) : []),
    [profile, capability, units, choose],
  )
  const [communityId, setCommunityId] = useState<string | null>(initialId)
  useEffect(() => {
    if (!communityId && communities[0]) setCommunityId(communities[0].id)
  }, [communities, communityId])
  const current = communities.find((c) => c.id === communityId)
  return { communities, communityId, setCommunityId, current, loading: tree.loading, tree: units }
}

/** What useUnitChoice answers, as CommunityPicker needs it. */
export type CommunityChoiceState = Pick<
  ReturnType<typeof useUnitChoice>,
  'communities' | 'current' | 'loading' | 'setCommunityId' | 'tree'
>

/**
 * The community (or grid) a page works on, from useReviewerCommunity / useUnitChoice: the
 * shared UnitSelect, which opens a search and the communities under their 街道 when there is
 * more than one.
 */
export function CommunityPicker({
  choice,
  testId,
  title = '社区',
}: {
  choice: CommunityChoiceState
  testId: string
  /** What is chosen: 社区 unless the list holds other units (a grid). */
  title?: string
}) {
  return (
    <UnitSelect
      title={title}
      units={choice.communities}
      tree={choice.tree}
      chosenId={choice.current?.id ?? null}
      onPick={choice.setCommunityId}
      placeholder={choice.loading ? '正在加载…' : '没有可审核的社区'}
      testId={testId}
    />
  )
}
