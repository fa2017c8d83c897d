import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { EVENT_STATUS_LABELS, isCalledOff } from '../../../../types/events-labels'
import { useAsync } from '../../../hooks/use-async'
import { confirm, toast, toastError } from '../../../lib/feedback'
import { eventsService, type EventDetail } from '../../../services/events'
import { formatWhen } from '../../../pages/events/format'

const editUrl = (id: string) => `/staff/events/edit?id=${encodeURIComponent(id)}`

/** The buttons an event's state allows: change, publish, copy, and for one occurrence of a series, skip it. */
function Buttons({ e, run }: { e: EventDetail; run(work: () => Promise<string | null>): void }) {
  const open = !isCalledOff(e.status) && e.signUp.state !== 'ended'
  const skip = async () => {
    const sure = await confirm({
      title: '本期暂停',
      content: `「${e.title}」${formatWhen(e.startAt, e.endAt)}这一期不举行，已报名、候补的居民会收到通知。其他各期不受影响。确定吗？`,
      confirmText: '本期暂停',
    })
    if (sure) run(async () => `本期已暂停，已通知 ${(await eventsService.skip(e.id)).notified} 人`)
  }
  const copy = () =>
    run(async () => {
      const copied = await eventsService.copy(e.id)
      void Taro.navigateTo({ url: editUrl(copied.id) })
      return null
    })
  return (
    <View className="roster__buttons">
      {open ? (
        <Button
          size="small"
          type="primary"
          onClick={() => void Taro.navigateTo({ url: editUrl(e.id) })}
          data-testid="event-edit"
        >
          {e.seriesId ? '修改本期（改期）' : '修改'}
        </Button>
      ) : null}
      {e.status === 'draft' ? (
        <Button
          size="small"
          type="primary"
          onClick={() => run(async () => (await eventsService.publish(e.id), '已发布'))}
          data-testid="event-publish"
        >
          发布
        </Button>
      ) : null}
      <Button size="small" onClick={copy} data-testid="event-copy">
        复制为新活动
      </Button>
      {e.seriesId && open ? (
        <Button size="small" onClick={() => void skip()} data-testid="event-skip">
          本期暂停
        </Button>
      ) : null}
    </View>
  )
}

/** The head of the roster page: the event's state and what staff may do with it. */
export function ManageBar({ eventId, onChanged }: { eventId: string; onChanged(): void }) {
  const event = useAsync(() => eventsService.get(eventId), [eventId])
  useDidShow(() => void event.reload())
  const run = async (work: () => Promise<string | null>) => {
    try {
      const said = await work()
      if (said) toast(said, 'success')
    } catch (error) {
      toastError(error)
    }
    await event.reload()
    onChanged()
  }
  const e = event.data
  if (!e) return null
  return (
    <View className="roster__card" data-testid="event-manage-bar">
      <Text className="roster__title">
        {e.title}（{EVENT_STATUS_LABELS[e.status]}）
      </Text>
      <Text className="roster__meta">
        {formatWhen(e.startAt, e.endAt)} · {e.place.name}
      </Text>
      {e.seriesId ? <Text className="roster__meta">系列活动中的一期：可单独改期，或暂停本期</Text> : null}
      <Buttons e={e} run={(work) => void run(work)} />
    </View>
  )
}
