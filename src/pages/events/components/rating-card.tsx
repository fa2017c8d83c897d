import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { SATISFACTIONS, SATISFACTION_LABELS } from '../../../../types/cases-labels'
import { RATING_LIMITS } from '../../../../types/events-figures-labels'
import { useAsync } from '../../../hooks/use-async'
import { toast, toastError } from '../../../lib/feedback'
import { ratingService, type EventRatingValue } from '../../../services/events-rating'

/**
 * 活动评价 on the event page, once it has ended: people who checked in rate it with one tap
 * (a comment first if they like); afterwards their rating shows. Nothing shows to others.
 */
export function RatingCard({ eventId, endAt }: { eventId: string; endAt: string }) {
  const ended = Date.now() >= Date.parse(endAt)
  const mine = useAsync(() => (ended ? ratingService.mine(eventId) : Promise.resolve(null)), [eventId, ended])
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const m = mine.data
  if (!m || (!m.offered && !m.rating)) return null
  const rate = async (value: EventRatingValue) => {
    setBusy(true)
    try {
      await ratingService.rate(eventId, value, comment.trim())
      toast('谢谢您的评价', 'success')
      await mine.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }
  if (m.rating) {
    return (
      <View className="event-detail__card" data-testid="event-my-rating">
        <Text className="event-detail__status">您的评价：{SATISFACTION_LABELS[m.rating.value]}</Text>
        {m.rating.comment ? <Text className="event-detail__text">{m.rating.comment}</Text> : null}
      </View>
    )
  }
  return (
    <View className="event-detail__card" data-testid="event-rating">
      <Text className="event-detail__status">这次活动您觉得怎么样？</Text>
      <Textarea
        className="event-detail__input"
        value={comment}
        maxlength={RATING_LIMITS.commentMax}
        placeholder={`想说的话（可不填，最多${RATING_LIMITS.commentMax}字）`}
        onInput={(e) => setComment(e.detail.value)}
        data-testid="event-rating-comment"
      />
      <View className="event-detail__buttons">
        {SATISFACTIONS.map((v) => (
          <Button
            key={v}
            type={v === 'satisfied' ? 'primary' : 'default'}
            fill={v === 'satisfied' ? 'solid' : 'outline'}
            disabled={busy}
            onClick={() => void rate(v)}
            data-testid={`event-rate-${v}`}
          >
            {SATISFACTION_LABELS[v]}
          </Button>
        ))}
      </View>
      <Text className="event-detail__text">评价只有主办单位能看到，每次活动评价一次。</Text>
    </View>
  )
}
