import { useState } from 'react'
import { ActionSheet, Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { UnitChoice } from './units'

/** Which unit's work is shown; a tap opens the list when there is more than one. */
export function UnitPicker({
  units,
  unit,
  loading,
  onPick,
}: {
  units: UnitChoice[]
  unit: UnitChoice | null
  loading: boolean
  onPick(id: string): void
}) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <CellGroup>
        <Cell
          title="单位"
          extra={unit?.name ?? (loading ? '正在加载…' : '您没有办理诉求的岗位')}
          clickable={units.length > 1}
          onClick={() => units.length > 1 && setOpen(true)}
          data-testid="staff-cases-unit"
        />
      </CellGroup>
      <ActionSheet
        visible={open}
        title="选择单位"
        options={units.map((u) => ({ name: `${'　'.repeat(u.depth)}${u.name}`, id: u.id }))}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onSelect={(item) => {
          onPick(String(item.id))
          setOpen(false)
        }}
      />
    </>
  )
}
