import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useAsync } from '../../../hooks/use-async'
import type { EventDetail } from '../../../services/events'
import { quizService, type QuizStatus } from '../../../services/events-quiz'

/**
 * Whether the caller may have checked in, by the server's word (the phone's clock may be
 * wrong): they hold a seat, or the event has begun (walk-ins have no registration).
 */
const mayHaveAttended = (e: EventDetail): boolean =>
  e.status === 'published' &&
  (e.myRegistration?.status === 'confirmed' || e.signUp.state === 'started' || e.signUp.state === 'ended')

const LABELS: Partial<Record<QuizStatus['state'], string>> = {
  not_open: '竞赛还没开始，到时间后可在这里答题',
  open: '您已签到，可以参加本次知识竞赛',
  submitted: '您已交卷，可查看成绩、正确答案和排名',
  closed: '竞赛已结束，可查看排名',
}

/**
 * The way into 党史知识竞赛 from the event's page, once the caller has checked in. It
 * says nothing when the event has no quiz or the caller did not attend, and stays out of
 * the way if it cannot load (the rest of the page does not depend on it).
 */
export function QuizEntry({ event }: { event: EventDetail }) {
  const eventId = event.id
  const ask = mayHaveAttended(event)
  const status = useAsync(() => (ask ? quizService.status(eventId) : Promise.resolve(null)), [eventId, ask])
  const s = status.data
  const label = s ? LABELS[s.state] : undefined
  if (!s || !label) return null
  return (
    <View className="event-detail__card" data-testid="event-quiz-entry">
      <Text className="event-detail__status">党史知识竞赛</Text>
      <Text className="event-detail__text">{label}</Text>
      <Button
        type="primary"
        onClick={() => void Taro.navigateTo({ url: `/pages/events/quiz?id=${encodeURIComponent(eventId)}` })}
        data-testid="event-quiz"
      >
        {s.state === 'open' ? '去答题' : '查看竞赛'}
      </Button>
    </View>
  )
}
