import { Text } from '@tarojs/components'
import type { UnitView } from '../../../../types/org'
import { UnitPicker } from '../../../components/unit-picker'
import './audience-picker.scss'

/**
 * The units a notice or an event goes to: the sender's unit and its grids, 小区 and 楼栋 (a
 * street's are dozens), with the shared picker's search and grouping by street. Tap to add
 * or remove.
 */
export function AudiencePicker({
  choices,
  chosen,
  onToggle,
  tree,
  loading,
}: {
  choices: readonly { id: string; name: string; kind: UnitView['kind'] | null }[]
  chosen: string[]
  onToggle(id: string): void
  /** The org tree the choices come from: it gives each one's street. */
  tree: readonly UnitView[]
  loading: boolean
}) {
  if (choices.length === 0) {
    return (
      <Text className="audience-picker__hint">
        {loading ? '正在读取本单位的网格、小区和楼栋…' : '本单位下还没有网格、小区或楼栋可选。'}
      </Text>
    )
  }
  return <UnitPicker units={choices} tree={tree} chosen={chosen} onPick={onToggle} testId="audience" />
}
