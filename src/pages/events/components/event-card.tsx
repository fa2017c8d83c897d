import { View, Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { EVENT_STATUS_LABELS, isCalledOff } from '../../../../types/events-labels'
import type { EventSummary } from '../../../services/events'
import { formatWhen, kindLabel, myStatusLabel, seatLabel } from '../format'
import { Tappable } from '../../../components/tappable'
import './event-card.scss'

/** One event in a list: kind, title, when, where, and seats — or my own status once I signed up. */
export function EventCard({ event, onOpen }: { event: EventSummary; onOpen(id: string): void }) {
  const mine = event.myRegistration
  const showMine = mine && mine.status !== 'cancelled' && mine.status !== 'rejected'
  return (
    <Tappable
      className="event-card"
      testId={`event-card-${event.id}`}
      hoverClass="event-card--pressed"
      role="link"
      onTap={() => onOpen(event.id)}
    >
      <View className="event-card__head">
        <Tag type="danger" plain>
          {kindLabel(event.kind)}
        </Tag>
        {isCalledOff(event.status) ? <Tag type="default">{EVENT_STATUS_LABELS[event.status]}</Tag> : null}
        <Text
          className={`event-card__seats ${showMine ? 'event-card__seats--mine' : ''}`}
          data-testid={`event-card-status-${event.id}`}
        >
          {showMine ? myStatusLabel(mine) : seatLabel(event.seats)}
        </Text>
      </View>
      <Text className="event-card__title">{event.title}</Text>
      <Text className="event-card__line">🕘 {formatWhen(event.startAt, event.endAt)}</Text>
      <Text className="event-card__line">📍 {event.place.name}</Text>
      <Text className="event-card__unit">{event.unitName}</Text>
    </Tappable>
  )
}
