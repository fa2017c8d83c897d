import { View, Text } from '@tarojs/components'
import { useAsync } from '../../hooks/use-async'
import { formatTime } from '../../lib/dayjs'
import { wishesService } from '../../services/wishes'
import { CATEGORY_LABELS } from '../../../types/wishes-labels'
import { SectionTitle } from '../page-shell'
import './index.scss'

/**
 * A station's recent fulfilled wishes and the wishers' thanks ("处理结果及时在驿站进行反馈"),
 * for the station detail page. Renders nothing while loading, on error or when there is
 * nothing yet, so the station page never shows an empty section.
 */
export function StationResults({ stationId, limit = 5 }: { stationId: string; limit?: number }) {
  const results = useAsync(() => wishesService.stationResults(stationId, limit), [stationId, limit])
  const items = results.data?.items ?? []
  if (items.length === 0) return null
  return (
    <View data-testid="station-wish-results">
      <SectionTitle>微心愿完成情况</SectionTitle>
      {items.map((r) => (
        <View key={r.id} className="station-results__item">
          <View className="station-results__head">
            <Text className="station-results__category">{CATEGORY_LABELS[r.category]}</Text>
            <Text className="station-results__time">{formatTime(r.confirmedAt)} 完成</Text>
          </View>
          <Text className="station-results__text">
            {r.wisherName}：{r.text}
          </Text>
          {r.fulfilNote ? <Text className="station-results__note">志愿者：{r.fulfilNote}</Text> : null}
          {r.thanks ? <Text className="station-results__thanks">💌 {r.thanks}</Text> : null}
        </View>
      ))}
    </View>
  )
}
