import { Text, View } from '@tarojs/components'
import { useId, useState } from 'react'
import { focusOn } from '../../lib/focus'
import { Tappable } from '../tappable'
import { UnitPicker, type UnitPickerProps } from './picker'
import './select.scss'

/**
 * One unit out of several (the community a page reviews, the unit whose cases are shown): a
 * row saying which is chosen, that opens the UnitPicker below it (search, grouped under each
 * 街道) when there is more than one to choose from. Picking closes it and puts the keyboard
 * focus back on the row. `testId` is the row's; the picker's parts are `${testId}-picker-…`.
 * Its street headings are level 2 (the row usually heads the page, under its title) unless
 * the page puts it in a section.
 *
 * `<UnitSelect title="社区" units={communities} chosenId={id} onPick={setId} placeholder="正在加载…" testId="staff-wishes-community" />`
 */
export function UnitSelect({
  title,
  chosenId,
  onPick,
  placeholder,
  testId,
  startOpen = false,
  headingLevel = 2,
  ...picker
}: UnitPickerProps & {
  /** What is chosen: 社区, 单位. */
  title: string
  chosenId: string | null
  onPick(id: string): void
  /** What the row says while nothing is chosen (still loading, or nothing to choose). */
  placeholder: string
  testId: string
  /** Open at first (a page that can do nothing before a unit is chosen). */
  startOpen?: boolean
}) {
  const id = useId()
  const [open, setOpen] = useState(startOpen)
  const chosen = picker.units.find((u) => u.id === chosenId)
  const many = picker.units.length > 1
  const words = chosen && picker.describe ? picker.describe(chosen) : ''
  const value = (
    <>
      <Text className="unit-select__title">{title}</Text>
      <Text className="unit-select__value" data-testid={`${testId}-name`}>
        {chosen ? `${chosen.name}${words ? `（${words}）` : ''}` : placeholder}
      </Text>
    </>
  )
  return (
    <View className="unit-select">
      {many ? (
        <Tappable id={id} className="unit-select__row" expanded={open} onTap={() => setOpen(!open)} testId={testId}>
          {value}
          <Text className="unit-select__action">{open ? '收起' : '更换'}</Text>
        </Tappable>
      ) : (
        <View className="unit-select__row" data-testid={testId}>
          {value}
        </View>
      )}
      {many && open ? (
        <UnitPicker
          {...picker}
          headingLevel={headingLevel}
          chosen={chosenId ? [chosenId] : []}
          onPick={(unitId) => {
            onPick(unitId)
            setOpen(false)
            focusOn(id)
          }}
          testId={`${testId}-picker`}
        />
      ) : null}
    </View>
  )
}
