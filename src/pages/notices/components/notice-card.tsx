import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { NoticeSummary } from '../../../services/notices'
import { formatTime } from '../../../lib/dayjs'
import { categoryLabel, priorityLabel, priorityTagType } from '../format'
import { Tappable } from '../../../components/tappable'
import './notice-card.scss'

/** One notice in the list: unread dot, pinned and priority tags, title, summary, who and when. */
export function NoticeCard({ item, onOpen }: { item: NoticeSummary; onOpen(id: string): void }) {
  return (
    <Tappable
      className={`notice-card ${item.read ? '' : 'notice-card--unread'}`}
      testId={`notice-card-${item.id}`}
      hoverClass="notice-card--pressed"
      role="link"
      onTap={() => onOpen(item.id)}
    >
      <View className="notice-card__head">
        {item.read ? null : <View className="notice-card__dot" data-testid="notice-unread-dot" />}
        {item.pinned ? <Tag type="primary">置顶</Tag> : null}
        {item.priority !== 'normal' ? (
          <Tag type={priorityTagType(item.priority)}>{priorityLabel(item.priority)}</Tag>
        ) : null}
        <Tag plain>{categoryLabel(item.category)}</Tag>
        {item.ackRequired && !item.acknowledged ? (
          <Tag type="warning" plain>
            待确认
          </Tag>
        ) : null}
      </View>
      <Text className="notice-card__title">{item.title}</Text>
      <Text className="notice-card__summary">{item.summary}</Text>
      <Text className="notice-card__meta">
        {item.unitName} · {formatTime(item.publishedAt)}
      </Text>
    </Tappable>
  )
}
