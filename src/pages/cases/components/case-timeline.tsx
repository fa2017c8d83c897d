import { View, Text } from '@tarojs/components'
import type { CaseDetail } from '../../../services/cases'
import { formatTime } from '../../../lib/dayjs'
import { TIMELINE_LABELS } from '../format'
import './case-timeline.scss'

/** Every step of a case, oldest first, with the unit that took it; internal notes marked for staff. */
export function CaseTimeline({ entries }: { entries: CaseDetail['timeline'] }) {
  return (
    <View className="case-timeline" data-testid="case-timeline">
      {entries.map((e, i) => (
        <View
          key={`${e.at}-${i}`}
          className={`case-timeline__step ${i === entries.length - 1 ? 'case-timeline__step--last' : ''}`}
          data-testid={`case-step-${e.kind}`}
        >
          <View className="case-timeline__dot" />
          <View className="case-timeline__body">
            <Text className="case-timeline__time">
              {formatTime(e.at)} · {TIMELINE_LABELS[e.kind]}
              {e.unitName ? ` · ${e.unitName}` : ''}
              {e.staffOnly ? ' · 内部备注' : ''}
            </Text>
            <Text className="case-timeline__text">{e.text}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
