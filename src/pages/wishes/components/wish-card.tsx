import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { WishCard as Wish } from '../../../services/wishes'
import { categoryLabel, formatNeededBy, statusLabel, statusTagType } from '../format'
import { Tappable } from '../../../components/tappable'
import { Photo } from '../../../components/photo'
import './wish-card.scss'

/** One wish on the wall or in "my wishes": masked name, category, when it is needed, photos, thanks. */
export function WishCard({ wish, onOpen }: { wish: Wish; onOpen(id: string): void }) {
  return (
    <Tappable
      className="wish-card"
      testId={`wish-card-${wish.id}`}
      hoverClass="wish-card--pressed"
      role="link"
      onTap={() => onOpen(wish.id)}
    >
      <View className="wish-card__head">
        <Tag type="danger" plain>
          {categoryLabel(wish.category)}
        </Tag>
        <Tag type={statusTagType(wish.status)}>{statusLabel(wish.status)}</Tag>
        <Text className="wish-card__needed">{formatNeededBy(wish.neededBy)}</Text>
      </View>
      <Text className="wish-card__text">{wish.text}</Text>
      {wish.photos.length > 0 ? (
        <View className="wish-card__photos">
          {wish.photos.map((p, i) => (
            <Photo key={p.fileId} className="wish-card__photo" src={p.url} alt={`心愿照片${i + 1}`} />
          ))}
        </View>
      ) : null}
      <View className="wish-card__foot">
        <Text>{wish.mine ? '我的心愿' : `心愿人：${wish.wisherName}`}</Text>
        {wish.communityName ? <Text>{wish.communityName}</Text> : null}
      </View>
      {wish.thanks ? (
        <Text className="wish-card__thanks" data-testid={`wish-thanks-${wish.id}`}>
          💌 {wish.thanks}
        </Text>
      ) : null}
    </Tappable>
  )
}
