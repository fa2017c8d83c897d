import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import type { EventDetail } from '../../../services/events'
import { callPhone, navigateTo } from '../../stations/navigate'
import { formatDeadline, formatWhen, seatLabel, signUpLine } from '../format'
import { Tappable } from '../../../components/tappable'

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className="event-detail__row" data-testid={testId}>
      <Text className="event-detail__key">{label}</Text>
      <View className="event-detail__value">{children}</View>
    </View>
  )
}

/** When, where (with 导航 and a map-free address), who organises and how to reach them, the windows, the seats. */
export function EventFacts({ event }: { event: EventDetail }) {
  const { place, organiser } = event
  return (
    <View className="event-detail__card">
      <Row label="时间">
        <Text>{formatWhen(event.startAt, event.endAt)}</Text>
      </Row>
      <Row label="地点" testId="event-place">
        <Text>{place.name}</Text>
        {place.address ? <Text className="event-detail__minor">{place.address}</Text> : null}
        {place.location ? (
          <Tappable
            className="event-detail__link"
            onTap={() => void navigateTo(place.location!, place.name, place.address)}
            testId="event-navigate"
          >
            导航前往 ›
          </Tappable>
        ) : null}
      </Row>
      <Row label="主办">
        <Text>
          {event.unitName}
          {organiser.name && organiser.name !== event.unitName ? ` · ${organiser.name}` : ''}
        </Text>
        {organiser.phone ? (
          <Tappable className="event-detail__link" onTap={() => void callPhone(organiser.phone)}>
            📞 {organiser.phone}
          </Tappable>
        ) : null}
      </Row>
      <Row label="报名">
        <Text>{signUpLine(event)}</Text>
      </Row>
      <Row label="取消">
        <Text>{formatDeadline(event.cancelDeadline)} 前可自行取消</Text>
      </Row>
      <Row label="名额" testId="event-seats">
        <Text>
          {event.seats.capacity === 0 ? '不限名额' : `共 ${event.seats.capacity} 席 · ${seatLabel(event.seats)}`}
        </Text>
      </Row>
    </View>
  )
}
