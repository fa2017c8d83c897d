import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../../components/async-view'
import type { Amenity, StationPage, StationSummary } from '../../../services/stations'
import { AmenityList } from './amenity-list'
import { OpenBadge } from './open-badge'
import { StationCard } from './station-card'
import { MAP_AVAILABLE, StationMap } from './station-map'

export interface StationListProps {
  page: StationPage | null
  loading: boolean
  error: string | null
  catalogue: Map<string, Amenity>
  onOpen(station: StationSummary): void
  /** Loads from this offset: 0 starts again, `nextOffset` appends. */
  load(offset: number): Promise<void>
}

/**
 * The stations found, as a list that grows with 加载更多 or (on weapp) on a map with the
 * tapped station's card. While a page loads, the rows already shown stay (styles: index.scss).
 */
export function StationList({ page, loading, error, catalogue, onOpen, load }: StationListProps) {
  const [view, setView] = useState<'list' | 'map'>('list')
  const [selected, setSelected] = useState<StationSummary | null>(null)
  const items = page?.items ?? []
  // A reload with other filters may drop the tapped station.
  const shown = selected && items.some((s) => s.id === selected.id) ? selected : null
  return (
    <>
      {MAP_AVAILABLE ? (
        <View className="stations__views">
          <Button type={view === 'list' ? 'primary' : 'default'} onClick={() => setView('list')}>
            列表
          </Button>
          <Button type={view === 'map' ? 'primary' : 'default'} onClick={() => setView('map')}>
            地图
          </Button>
        </View>
      ) : null}

      {MAP_AVAILABLE && view === 'map' ? (
        <View className="stations__map">
          <StationMap stations={items} centre={page?.origin?.point ?? null} onSelect={setSelected} />
          {shown ? (
            <View className="stations__selected" data-testid="stations-map-card">
              <Text className="station-card__name">{shown.name}</Text>
              <OpenBadge status={shown.openStatus} />
              <AmenityList keys={shown.amenities} catalogue={catalogue} />
              <Button type="primary" block onClick={() => onOpen(shown)}>
                查看详情
              </Button>
            </View>
          ) : (
            <Text className="stations__hint">点地图上的红色标记，查看驿站信息</Text>
          )}
        </View>
      ) : (
        <View className="stations__list" data-testid="stations-list">
          {items.map((s) => (
            <StationCard key={s.id} station={s} catalogue={catalogue} onOpen={onOpen} />
          ))}
          <AsyncView
            state={{ data: loading ? undefined : (page ?? undefined), loading, error, reload: () => load(0) }}
            loadingText="正在查找驿站…"
            isEmpty={(p) => p.items.length === 0}
            empty="没有找到符合条件的驿站，试试减少筛选条件"
            emptyTestId="stations-empty"
          >
            {(p) =>
              p.hasMore ? (
                <Button block fill="outline" data-testid="stations-more" onClick={() => void load(p.nextOffset)}>
                  加载更多
                </Button>
              ) : null
            }
          </AsyncView>
        </View>
      )}
    </>
  )
}
