import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { EstateView } from '../../../services/places'

export interface PlaceChoice {
  estateId: string | null
  buildingId: string | null
}

/**
 * 小区 → 楼栋 as two lists of large cells (no map, works in 大字): choosing a 小区 shows its
 * 楼栋; the chosen row is marked ✓.
 */
export function PlacePicker({
  estates,
  value,
  onChange,
}: {
  estates: EstateView[]
  value: PlaceChoice
  onChange(v: PlaceChoice): void
}) {
  const estate = estates.find((e) => e.id === value.estateId)
  return (
    <>
      <CellGroup title="1. 选择小区">
        {estates.map((e) => (
          <Cell
            key={e.id}
            title={e.name}
            description={e.gridName}
            extra={e.id === value.estateId ? '✓' : `${e.buildings.length} 栋`}
            clickable
            onClick={() => onChange({ estateId: e.id, buildingId: e.id === value.estateId ? value.buildingId : null })}
            data-testid={`estate-${e.name}`}
          />
        ))}
      </CellGroup>
      {estate ? (
        <CellGroup title={`2. 选择楼栋（${estate.name}）`}>
          {estate.buildings.length === 0 ? (
            <View className="address__none">
              <Text>这个小区还没有登记楼栋，请联系社区。</Text>
            </View>
          ) : (
            estate.buildings.map((b) => (
              <Cell
                key={b.id}
                title={b.label}
                extra={b.id === value.buildingId ? '✓' : b.unitCount ? `${b.unitCount} 个单元` : undefined}
                clickable
                onClick={() => onChange({ estateId: estate.id, buildingId: b.id })}
                data-testid={`building-${b.label}`}
              />
            ))
          )}
        </CellGroup>
      ) : null}
    </>
  )
}
