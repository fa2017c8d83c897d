import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { usersService } from '../../services/users'
import { HANDLING_KINDS, handlerUnits } from './units'

/** Remembered so the inbox, the detail's way back and the reports open on the same unit. */
const UNIT_KEY = 'mhwx.staffCases.unit'

/** The units this person handles cases for, the org tree (for transfers) and the chosen unit. */
export function useStaffUnit(initial?: string) {
  const { profile } = useMe()
  const tree = useAsync(
    () => (profile ? usersService.orgTree({ kinds: [...HANDLING_KINDS] }) : Promise.resolve({ units: [] })),
    [profile?.openid],
  )
  const units = useMemo(() => (profile ? handlerUnits(profile, tree.data?.units ?? []) : []), [profile, tree.data])
  const [unitId, setUnitIdState] = useState<string | null>(initial ?? null)
  useEffect(() => {
    if (units.length === 0) return
    if (unitId && units.some((u) => u.id === unitId)) return
    const remembered: unknown = Taro.getStorageSync(UNIT_KEY)
    setUnitIdState(units.find((u) => u.id === remembered)?.id ?? units[0]!.id)
  }, [units, unitId])
  const setUnitId = (id: string) => {
    Taro.setStorageSync(UNIT_KEY, id)
    setUnitIdState(id)
  }
  return {
    profile,
    tree: tree.data?.units ?? [],
    units,
    unit: units.find((u) => u.id === unitId) ?? null,
    setUnitId,
    loading: tree.loading || !profile,
  }
}
