import { Text, View } from '@tarojs/components'
import { SATISFACTIONS, SATISFACTION_LABELS } from '../../../../types/cases-labels'
import { useAsync } from '../../../hooks/use-async'
import { formatTime } from '../../../lib/dayjs'
import { ratingService } from '../../../services/events-rating'

/** 活动评价 on the minutes page: how many rated what, and every comment with the name masked (styles: minutes.scss). */
export function RatingsSection({ eventId }: { eventId: string }) {
  const ratings = useAsync(() => ratingService.ratings(eventId), [eventId])
  const r = ratings.data
  if (!r) return null
  const rated = r.items.length
  return (
    <View className="minutes__card" data-testid="minutes-ratings">
      <Text className="minutes__title">居民评价</Text>
      <Text className="minutes__meta" data-testid="minutes-rating-counts">
        {rated === 0
          ? `参加 ${r.attendees} 人，还没有人评价（活动结束后，签到的居民可以评价）`
          : `参加 ${r.attendees} 人，评价 ${rated} 人：${SATISFACTIONS.map((v) => `${SATISFACTION_LABELS[v]} ${r.counts[v]}`).join('，')}`}
      </Text>
      {r.items
        .filter((i) => i.comment)
        .map((i, n) => (
          <View key={`${i.ratedAt}-${n}`} className="minutes__issue">
            <Text className="minutes__meta">
              {i.name}（{SATISFACTION_LABELS[i.value]}，{formatTime(i.ratedAt)}）：{i.comment}
            </Text>
          </View>
        ))}
    </View>
  )
}
