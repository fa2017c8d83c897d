import type { UnitView } from '../../../types/org'
import { UnitSelect } from '../../components/unit-picker'
import type { UnitChoice } from './units'

/**
 * Which unit's work is shown (诉求办理, 台账与考核, 通知管理): the shared UnitSelect, which
 * opens a search and the units under their 街道 when there is more than one.
 */
export function UnitPicker({
  units,
  unit,
  loading,
  onPick,
  tree,
}: {
  units: UnitChoice[]
  unit: UnitChoice | null
  loading: boolean
  onPick(id: string): void
  /** The org tree the units are in (it gives each its street), when the page has it. */
  tree?: readonly UnitView[]
}) {
  return (
    <UnitSelect
      title="单位"
      units={units}
      tree={tree}
      chosenId={unit?.id ?? null}
      onPick={onPick}
      placeholder={loading ? '正在加载…' : '您没有办理诉求的岗位'}
      testId="staff-cases-unit"
    />
  )
}
