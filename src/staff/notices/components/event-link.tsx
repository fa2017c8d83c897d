import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { formatTime } from '../../../lib/dayjs'
import { toastError } from '../../../lib/feedback'
import { eventsService, type EventSummary } from '../../../services/events'
import { Tappable } from '../../../components/tappable'

export interface LinkedEvent {
  id: string
  title: string
}

/**
 * 关联活动: a notice about a 板凳会 or 义诊 can carry a link residents tap to sign up. The
 * choice is the sending unit's upcoming events, asked for only when the secretary opens it.
 */
export function EventLink({
  unitId,
  value,
  onChange,
}: {
  unitId: string
  value: LinkedEvent | null
  onChange(v: LinkedEvent | null): void
}) {
  const [choices, setChoices] = useState<EventSummary[] | null>(null)
  const [loading, setLoading] = useState(false)
  const open = async () => {
    setLoading(true)
    try {
      setChoices((await eventsService.manage({ unitId, box: 'upcoming' })).items)
    } catch (e) {
      toastError(e)
    } finally {
      setLoading(false)
    }
  }
  if (value) {
    return (
      <View className="notice-compose__item" data-testid="notice-event-linked">
        <Text className="notice-compose__item-text">🗓 {value.title}</Text>
        <Tappable className="notice-compose__link" onTap={() => onChange(null)}>
          取消关联
        </Tappable>
      </View>
    )
  }
  if (choices === null) {
    return (
      <Tappable
        className="notice-compose__link"
        onTap={() => void (loading ? undefined : open())}
        testId="notice-event-open"
      >
        {loading ? '正在加载本单位的活动…' : '＋ 关联一个活动（居民可直接报名）'}
      </Tappable>
    )
  }
  if (choices.length === 0)
    return <Text className="notice-compose__meta">本单位近期没有可关联的活动，可先在“活动管理”中创建</Text>
  return (
    <View className="notice-compose__list">
      {choices.map((e) => (
        <Tappable
          key={e.id}
          className="notice-compose__item"
          onTap={() => onChange({ id: e.id, title: e.title })}
          testId={`notice-event-${e.id}`}
        >
          <Text className="notice-compose__item-text">{e.title}</Text>
          <Text className="notice-compose__meta">{formatTime(e.startAt)}</Text>
        </Tappable>
      ))}
    </View>
  )
}
