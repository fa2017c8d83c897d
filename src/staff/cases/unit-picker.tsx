import type { UnitView } from '../../../types/org'
import { UnitSelect } from '../../components/unit-picker'
import type { UnitChoice } from './units'

/**
 * Which unit's work is shown (诉求办理, 台账与考核, 通知管理): the shared UnitSelect, which
 * opens a search and the units under their 街道 when there is more than one.
 */
export function UnitPicker({
  choice,
}: {
  /** The units, the chosen one and the org tree they are in (it gives each its street), as useStaffUnit answers them. */
  choice: {
    units: UnitChoice[]
    unit: UnitChoice | null
    loading: boolean
    setUnitId(id: string): void
    tree?: readonly UnitView[]
  }
}) {
  return (
    <UnitSelect
      title="单位"
      units={choice.units}
      tree={choice.tree}
      chosenId={choice.unit?.id ?? null}
      onPick={choice.setUnitId}
      placeholder={choice.loading ? '正在加载…' : '您没有办理诉求的岗位'}
      testId="staff-cases-unit"
    />
  )
}
