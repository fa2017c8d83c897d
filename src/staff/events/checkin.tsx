import { Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { confirm, toast, toastError } from '../../lib/feedback'
import { attendanceService, type Attendance, type Attendee } from '../../services/events-attendance'
import { formatDeadline } from '../../pages/events/format'
import { CodeForm, ReverseForm, WalkInForm } from './components/door-forms'
import { DoorList, type DoorAction } from './components/door-list'
import { VenuePoster } from './components/venue-poster'
import type { QueueEntry } from './checkin-queue'
import { useCheckInQueue } from './use-checkin-queue'
import './checkin.scss'

function Counts({ a }: { a: Attendance }) {
  const rate = a.counts.rate === null ? '—' : `${Math.round(a.counts.rate * 100)}%`
  return (
    <View className="door__card">
      <Text className="door__title">{a.title}</Text>
      <Text className="door__counts" data-testid="door-counts">
        已签到 {a.counts.present} · 报名 {a.counts.confirmed} · 补登 {a.counts.walkIns} · 签到率 {rate}
        {a.closedAt ? ` · 缺席 ${a.counts.absent}` : ''}
      </Text>
      <Text className="door__meta">
        签到时间 {formatDeadline(a.window.opensAt)} 至 {formatDeadline(a.window.closesAt)}
        {a.servesHours ? '；志愿服务活动，结束后按签到（或签退）时间记服务时长' : ''}
      </Text>
    </View>
  )
}

function Queue({
  queue,
  pending,
  sync,
  dismiss,
}: {
  queue: QueueEntry[]
  pending: number
  sync(): void
  dismiss(id: string): void
}) {
  if (queue.length === 0) return null
  return (
    <View className="door__card door__queue" data-testid="door-queue">
      {pending > 0 ? <Text className="door__title">{pending} 条签到暂存在手机上，网络恢复后自动同步</Text> : null}
      {queue
        .filter((e) => e.state === 'conflict')
        .map((e) => (
          <View key={e.id} className="door__conflict" data-testid="door-conflict">
            <Text className="door__meta">
              {e.label}：{e.message}
            </Text>
            <Button size="small" fill="outline" onClick={() => dismiss(e.id)}>
              知道了
            </Button>
          </View>
        ))}
      {pending > 0 ? (
        <Button size="small" onClick={sync}>
          立即同步
        </Button>
      ) : null}
    </View>
  )
}

/** 现场签到: three ways in (scan or type a code, find by name or phone, add a walk-in), the venue code, and the list at the door. */
export default function StaffCheckInPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const [q, setQ] = useState('')
  const [reversing, setReversing] = useState<Attendee | null>(null)
  const list = useAsync(() => attendanceService.attendance(id, q.trim()), [id, q])
  const reload = useCallback(() => void list.reload(), [list])
  const queue = useCheckInQueue(id, reload)
  usePullDownRefresh(() => void Promise.all([queue.sync(), list.reload()]).finally(() => Taro.stopPullDownRefresh()))

  const act = async (a: Attendee, what: DoorAction) => {
    if (what === 'checkIn') return void (await queue.submit({ kind: 'person', attendeeId: a.id }, a.name))
    if (what === 'reverse') return setReversing(a)
    if (
      !(await confirm({
        title: '签退',
        content: `现在为${a.name}签退吗？服务时长按签到到签退的时间计算。`,
        confirmText: '签退',
      }))
    )
      return
    try {
      await attendanceService.checkOut(id, a.id)
      toast('已签退', 'success')
    } catch (error) {
      toastError(error)
    }
    await list.reload()
  }
  const reverse = async (a: Attendee, reason: string) => {
    if (reason.length < 2) return toast('请写明撤销原因')
    try {
      await attendanceService.reverseHours(id, a.id, reason)
      toast('已撤销服务时长', 'success')
      setReversing(null)
    } catch (error) {
      toastError(error)
    }
    await list.reload()
  }

  return (
    <PageShell className="door" testId="staff-checkin-page">
      <AsyncView state={list}>
        {(a) => (
          <View>
            <Counts a={a} />
            <Queue queue={queue.queue} pending={queue.pending} sync={() => void queue.sync()} dismiss={queue.dismiss} />
            {reversing ? (
              <ReverseForm
                name={reversing.name}
                onSubmit={(r) => void reverse(reversing, r)}
                onCancel={() => setReversing(null)}
              />
            ) : null}
            {a.closedAt ? null : <CodeForm submit={queue.submit} />}
            <View className="door__card">
              <Text className="door__title">名单</Text>
              <Input
                className="door__input"
                value={q}
                maxlength={20}
                placeholder="搜姓名或手机后四位"
                onInput={(e) => setQ(e.detail.value)}
                data-testid="door-search"
              />
              {a.items.length === 0 ? (
                <Text className="door__meta">{q ? '没有找到，可在下面现场补登' : '还没有人报名成功'}</Text>
              ) : (
                <DoorList data={a} act={(p, w) => void act(p, w)} />
              )}
            </View>
            {a.closedAt ? null : <WalkInForm submit={queue.submit} />}
            <View className="door__card">
              <VenuePoster eventId={id} />
            </View>
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
