import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { CaseSummary } from '../../../services/cases'
import { formatTime } from '../../../lib/dayjs'
import { deadlineText, statusTagType, type CaseReader } from '../format'
import { Tappable } from '../../../components/tappable'
import './case-card.scss'

/** One case in a list (我的诉求, a unit's box): number, category, status, handling unit, deadline. */
export function CaseCard({
  item,
  onOpen,
  reader = 'resident',
}: {
  item: CaseSummary
  onOpen(id: string): void
  reader?: CaseReader
}) {
  const deadline = deadlineText(item, reader)
  return (
    <Tappable
      className="case-card"
      testId={`case-card-${item.number}`}
      hoverClass="case-card--pressed"
      role="link"
      onTap={() => onOpen(item.id)}
    >
      <View className="case-card__head">
        <Text className="case-card__number">{item.number}</Text>
        <View data-testid="case-card-status">
          <Tag type={statusTagType(item.status, item.overdue)}>{item.statusLabel}</Tag>
        </View>
        {item.reopened ? (
          <Tag type="warning" plain>
            重新办理
          </Tag>
        ) : null}
      </View>
      <Text className="case-card__category">{item.categoryName}</Text>
      <Text className="case-card__text">{item.description}</Text>
      <Text className="case-card__meta">
        承办：{item.handlingUnitName} · {formatTime(item.submittedAt)} 提交
        {item.followerCount > 0 ? ` · ${item.followerCount} 人也遇到` : ''}
      </Text>
      {deadline ? (
        <Text className={`case-card__deadline ${item.overdue ? 'case-card__deadline--late' : ''}`}>{deadline}</Text>
      ) : null}
    </Tappable>
  )
}
