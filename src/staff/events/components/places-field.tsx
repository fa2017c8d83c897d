import { useMemo } from 'react'
import { useAsync } from '../../../hooks/use-async'
import { usersService } from '../../../services/users'
import { AudiencePicker } from '../../notices/components/audience-picker'
import { audienceChoices, AUDIENCE_KINDS } from '../../notices/units'

/** Kinds an event's place audience may name (the server checks the same). */
const PLACE_KINDS: readonly string[] = ['grid', 'estate', 'building']

/** The grids, 小区 and 楼栋 under the organising unit, to tick for a place audience. */
export function PlacesField({
  unitId,
  chosen,
  onChange,
}: {
  unitId: string
  chosen: string[]
  onChange(ids: string[]): void
}) {
  const tree = useAsync(() => usersService.orgTree({ kinds: [...AUDIENCE_KINDS] }), [])
  const choices = useMemo(
    () =>
      audienceChoices(tree.data?.units ?? [], unitId).filter((u) => u.kind !== null && PLACE_KINDS.includes(u.kind)),
    [tree.data, unitId],
  )
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id])
  return (
    <AudiencePicker
      choices={choices}
      chosen={chosen}
      onToggle={toggle}
      tree={tree.data?.units ?? []}
      loading={tree.loading}
    />
  )
}
