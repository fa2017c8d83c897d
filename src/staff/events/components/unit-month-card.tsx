import { View, Text } from '@tarojs/components'
import { EVENT_KIND_LABELS } from '../../../../types/events-labels'
import type { UnitEventFigures } from '../../../services/events-figures'
import { kindsLine, peopleLine } from '../figures-format'

/** One community's month: whether each monthly kind was held, the kinds, and who came (styles: figures.scss). */
export function UnitMonthCard({ u }: { u: UnitEventFigures }) {
  return (
    <View className="event-figures__unit" data-testid="event-figures-unit">
      <Text className="event-figures__unit-name">{u.unitName}</Text>
      <View className="event-figures__monthly">
        {u.monthly.map((m) => (
          <Text
            key={m.kind}
            className={`event-figures__chip ${m.held ? 'event-figures__chip--yes' : 'event-figures__chip--no'}`}
            data-testid={`event-figures-${m.kind}`}
          >
            {EVENT_KIND_LABELS[m.kind]}：{m.held ? '已开展' : '未开展'}
          </Text>
        ))}
      </View>
      <Text className="event-figures__line">
        活动 {u.events} 场（{kindsLine(u)}）
      </Text>
      <Text className="event-figures__line">{peopleLine(u)}</Text>
    </View>
  )
}
