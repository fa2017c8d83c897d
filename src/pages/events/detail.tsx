import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { useReminders } from '../../hooks/use-reminders'
import { confirm, toast, toastError } from '../../lib/feedback'
import { EVENT_STATUS_LABELS, isCalledOff } from '../../../types/events-labels'
import { eventsService, type EventDetail } from '../../services/events'
import { askForReminders } from '../../services/subscribe'
import { addToCalendar } from './calendar'
import { EventFacts } from './components/event-facts'
import { QuizEntry } from './components/quiz-entry'
import { RatingCard } from './components/rating-card'
import { SignUpForm, type SignUpAnswers } from './components/signup-form'
import { formatWhen, isActive, kindLabel, myStatusLabel } from './format'
import { Photo } from '../../components/photo'
import './detail.scss'

const newRequestId = () => `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

/** My registration and what I can do with it: confirm an offered seat, cancel, add to the calendar. */
function MyPart({
  event,
  busy,
  act,
}: {
  event: EventDetail
  busy: boolean
  act(what: 'accept' | 'cancel' | 'calendar'): void
}) {
  const mine = event.myRegistration
  if (!mine) return null
  const past = Date.now() >= Date.parse(event.cancelDeadline) && mine.status !== 'waiting'
  return (
    <View className="event-detail__card event-detail__mine" data-testid="event-my-status">
      <Text className="event-detail__status">{myStatusLabel(mine)}</Text>
      {mine.status === 'offered' ? (
        <Text className="event-detail__text">有名额空出，为您保留到上面的时间，逾期将让给下一位。</Text>
      ) : null}
      {mine.status === 'waiting' ? (
        <Text className="event-detail__text">有人取消时按顺序通知您，请留意消息。</Text>
      ) : null}
      <View className="event-detail__buttons">
        {mine.status === 'offered' ? (
          <Button type="primary" loading={busy} onClick={() => act('accept')} data-testid="event-accept">
            确认参加
          </Button>
        ) : null}
        {mine.status === 'confirmed' ? (
          <Button
            type="primary"
            onClick={() => void Taro.navigateTo({ url: `/pages/events/checkin?id=${encodeURIComponent(event.id)}` })}
            data-testid="event-my-code"
          >
            签到码
          </Button>
        ) : null}
        {mine.status === 'confirmed' ? (
          <Button fill="outline" onClick={() => act('calendar')} data-testid="event-calendar">
            加入日历
          </Button>
        ) : null}
        {isActive(mine) && !past ? (
          <Button fill="outline" onClick={() => act('cancel')} data-testid="event-cancel">
            {mine.status === 'offered' ? '放弃名额' : '取消报名'}
          </Button>
        ) : null}
      </View>
      {isActive(mine) && past ? (
        <Text className="event-detail__text">
          已过取消截止时间，如需取消请联系社区{event.organiser.phone ? `（${event.organiser.phone}）` : ''}
        </Text>
      ) : null}
    </View>
  )
}

/** 活动详情: what, when, where, who; sign up (with the form), my status, and the organiser's way in. */
export default function EventDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  useReminders()
  const { profile } = useMe()
  const event = useAsync(() => eventsService.get(id), [id])
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)
  usePullDownRefresh(() => {
    void event.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const run = async (work: () => Promise<string>) => {
    setBusy(true)
    try {
      toast(await work(), 'success')
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
      await event.reload()
    }
  }
  const signUp = (a: SignUpAnswers) => {
    // From the tap (WeChat's rule): 报名结果、活动提醒、候补转正. A refusal stops nothing.
    void askForReminders('event')
    void run(async () => {
      const { registration } = await eventsService.signUp({ eventId: id, clientRequestId: requestId, ...a })
      setRequestId(newRequestId())
      return myStatusLabel(registration)
    })
  }
  const act = async (e: EventDetail, what: 'accept' | 'cancel' | 'calendar') => {
    if (what === 'accept') return run(async () => (await eventsService.acceptOffer(id), '已确认参加，请准时到场'))
    if (what === 'calendar')
      return run(() =>
        addToCalendar({
          id,
          title: e.title,
          startAt: e.startAt,
          endAt: e.endAt,
          place: `${e.place.name} ${e.place.address}`.trim(),
          description: `${formatWhen(e.startAt, e.endAt)} ${e.place.name}`,
        }),
      )
    if (
      await confirm({
        title: '取消报名',
        content: `确定取消「${e.title}」的报名吗？名额会让给候补的居民。`,
        confirmText: '取消报名',
      })
    ) {
      return run(async () => (await eventsService.cancel(id), '已取消报名'))
    }
  }

  return (
    <PageShell className="event-detail" testId="event-detail-page">
      <AsyncView state={event}>
        {(e) => (
          <View>
            {e.cover ? <Photo className="event-detail__cover" src={e.cover} alt="活动封面" /> : null}
            <View className="event-detail__card">
              <View className="event-detail__head">
                <Tag type="danger" plain>
                  {kindLabel(e.kind)}
                </Tag>
                {isCalledOff(e.status) ? <Tag>{EVENT_STATUS_LABELS[e.status]}</Tag> : null}
              </View>
              <Text className="event-detail__title">{e.title}</Text>
              {e.cancelReason && e.status === 'cancelled' ? (
                <Text className="event-detail__text">取消原因：{e.cancelReason}</Text>
              ) : null}
              {e.description ? <Text className="event-detail__text">{e.description}</Text> : null}
            </View>
            <EventFacts event={e} />
            <MyPart event={e} busy={busy} act={(w) => void act(e, w)} />
            <QuizEntry event={e} />
            {e.status === 'published' ? <RatingCard eventId={e.id} endAt={e.endAt} /> : null}
            {e.signUp.state === 'open' && !isActive(e.myRegistration) ? (
              <SignUpForm event={e} phone={profile?.phone ?? ''} busy={busy} onSubmit={signUp} />
            ) : null}
            {e.canManage ? (
              <View className="event-detail__buttons event-detail__staff">
                <Button
                  fill="outline"
                  onClick={() => void Taro.navigateTo({ url: `/staff/events/roster?id=${encodeURIComponent(id)}` })}
                  data-testid="event-manage"
                >
                  报名名单与管理
                </Button>
                <Button
                  fill="outline"
                  onClick={() => void Taro.navigateTo({ url: `/staff/events/checkin?id=${encodeURIComponent(id)}` })}
                  data-testid="event-checkin-desk"
                >
                  现场签到
                </Button>
                <Button
                  fill="outline"
                  onClick={() => void Taro.navigateTo({ url: `/staff/events/minutes?id=${encodeURIComponent(id)}` })}
                  data-testid="event-minutes"
                >
                  活动纪要
                </Button>
              </View>
            ) : null}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
