import { Input, Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { Tappable } from '../tappable'
import { groupByStreet, placeUnits, type Choice, type PickUnit } from './groups'
import './index.scss'

export type { Choice, PickUnit } from './groups'

export interface UnitPickerProps {
  units: readonly Choice[]
  /** The org tree the units are in: it gives each its 街道 when the unit does not say. */
  tree?: readonly PickUnit[]
  /** Words after a unit's name (its kind). */
  describe?: (u: Choice) => string
  /** The level of the street headings: one below the heading of the part of the page the picker is in. */
  headingLevel?: 2 | 3
}

/**
 * A unit to choose among many (the district's 72 units, a street's communities): a search box,
 * then the units under their 街道. Every row is a Tappable (Tab, Enter/Space, 已选中 read
 * out); each street is a heading a screen reader can jump between. Several may be
 * chosen (an audience); for one unit, UnitSelect shows the chosen one and opens this.
 */
export function UnitPicker({
  units,
  tree,
  chosen,
  onPick,
  testId,
  describe,
  headingLevel = 3,
}: UnitPickerProps & {
  chosen: readonly string[]
  onPick(id: string): void
  testId: string
}) {
  const [query, setQuery] = useState('')
  const placed = useMemo(() => placeUnits(units, tree), [units, tree])
  const groups = useMemo(() => groupByStreet(placed.units, query, placed.names), [placed, query])
  return (
    <View className="unit-picker" data-testid={testId}>
      <Input
        className="unit-picker__search"
        value={query}
        placeholder="搜索街道、社区名称"
        aria-label="搜索单位"
        confirmType="search"
        onInput={(e) => setQuery(e.detail.value)}
        data-testid={`${testId}-search`}
      />
      <View className="unit-picker__list">
        {groups.length === 0 ? <Text className="unit-picker__empty">没有找到，换个字试试</Text> : null}
        {groups.map((g) => (
          <View key={g.id}>
            <View className="unit-picker__street" role="heading" aria-level={headingLevel}>
              {g.title}
            </View>
            {g.units.map((u) => (
              <Tappable
                key={u.id}
                className={`unit-picker__row ${chosen.includes(u.id) ? 'unit-picker__row--on' : ''}`}
                pressed={chosen.includes(u.id)}
                onTap={() => onPick(u.id)}
                testId={`${testId}-${u.id}`}
              >
                <Text>{u.name}</Text>
                {describe ? <Text className="unit-picker__kind">{describe(u)}</Text> : null}
              </Tappable>
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
