import { View, Text, Input } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { confirm, toast, toastError } from '../../lib/feedback'
import { eventsService, type RosterEntry } from '../../services/events'
import { REGISTRATION_STATUS_LABELS } from '../../pages/events/format'
import { deliverExport, EXPORT_AS_LINK } from '../cases/export-file'
import { ManageBar } from './components/manage-bar'
import './roster.scss'

type Status = RosterEntry['status']
const TABS: Status[] = ['confirmed', 'offered', 'waiting', 'pending', 'cancelled']
const ALERTS = { none: '', almost_full: '名额已用去八成以上', full: '名额已满，新报名进入候补' } as const

function Entry({ r, decide }: { r: RosterEntry; decide(approve: boolean): void }) {
  return (
    <View className="roster__entry" data-testid={`roster-entry-${r.id}`}>
      <Text className="roster__name">
        {r.name} {r.phone} {r.proxy ? '（代报名）' : ''}
      </Text>
      <Text className="roster__meta">
        {REGISTRATION_STATUS_LABELS[r.status]}
        {r.waitPosition ? ` · 第 ${r.waitPosition} 位` : ''}
        {r.guests ? ` · 同行 ${r.guests} 人` : ''}
      </Text>
      {r.answers.map((a) => (
        <Text key={a.questionId} className="roster__meta">
          {a.label}：{a.value}
        </Text>
      ))}
      {r.status === 'pending' ? (
        <View className="roster__buttons">
          <Button size="small" type="primary" onClick={() => decide(true)}>
            通过
          </Button>
          <Button size="small" onClick={() => decide(false)}>
            不通过
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** 报名名单: counts and the capacity alert, the list by status, 代报名, export, cancelling the event. */
export default function StaffRosterPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const [status, setStatus] = useState<Status>('confirmed')
  const roster = useAsync(() => eventsService.roster(id), [id])
  const [proxy, setProxy] = useState({ name: '', phone: '' })
  const [reason, setReason] = useState('')
  const [link, setLink] = useState<string | null>(null)
  usePullDownRefresh(() => void roster.reload().finally(() => Taro.stopPullDownRefresh()))

  const run = async (work: () => Promise<string>) => {
    try {
      toast(await work(), 'success')
    } catch (error) {
      toastError(error)
    }
    await roster.reload()
  }
  const signUpFor = () =>
    run(async () => {
      await eventsService.proxySignUp({
        eventId: id,
        clientRequestId: `proxy-${Date.now().toString(36)}-${proxy.phone}`,
        ...proxy,
      })
      setProxy({ name: '', phone: '' })
      return '已代为报名'
    })
  const exportIt = () =>
    run(async () => {
      const file = await eventsService.exportRoster(id)
      const url = await deliverExport(file)
      if (EXPORT_AS_LINK) setLink(url)
      return `已导出 ${file.rowCount} 人`
    })
  const cancelEvent = async () => {
    if (!reason.trim()) return toast('请先写明取消原因，会通知所有报名的居民')
    if (
      await confirm({
        title: '取消活动',
        content: '取消后会通知所有已报名、候补的居民，且不能恢复。确定取消吗？',
        confirmText: '取消活动',
      })
    ) {
      await run(async () => `已取消，已通知 ${(await eventsService.cancelEvent(id, reason.trim())).notified} 人`)
    }
  }

  return (
    <PageShell className="roster" testId="staff-roster-page">
      <ManageBar eventId={id} onChanged={() => void roster.reload()} />
      <AsyncView state={roster}>
        {(r) => (
          <View>
            <View className="roster__card">
              <Text className="roster__title" data-testid="roster-counts">
                已报名 {r.counts.confirmed} · 待确认 {r.counts.offered} · 候补 {r.counts.waiting} · 待审核{' '}
                {r.counts.pending}
              </Text>
              <Text className="roster__meta">名额 {r.capacity === 0 ? '不限' : `${r.seatsTaken}/${r.capacity}`}</Text>
              {r.alert !== 'none' ? (
                <Text className="roster__alert" data-testid="roster-alert">
                  {ALERTS[r.alert]}
                </Text>
              ) : null}
              <View className="roster__buttons">
                <Button size="small" onClick={() => void exportIt()} data-testid="roster-export">
                  导出名单
                </Button>
                <Button
                  size="small"
                  onClick={() => void Taro.navigateTo({ url: `/pages/events/detail?id=${encodeURIComponent(id)}` })}
                >
                  查看活动
                </Button>
                <Button
                  size="small"
                  onClick={() => void Taro.navigateTo({ url: `/staff/events/quiz?id=${encodeURIComponent(id)}` })}
                  data-testid="roster-quiz"
                >
                  知识竞赛
                </Button>
              </View>
              {link ? <Text className="roster__link">下载：{link}</Text> : null}
            </View>
            <Tabs value={status} onChange={(v) => setStatus(v as Status)}>
              {TABS.map((s) => (
                <Tabs.TabPane key={s} value={s} title={`${REGISTRATION_STATUS_LABELS[s]} ${r.counts[s]}`} />
              ))}
            </Tabs>
            {r.items
              .filter((e) => e.status === status)
              .map((e) => (
                <Entry
                  key={e.id}
                  r={e}
                  decide={(approve) =>
                    void run(
                      async () => (await eventsService.decide(id, e.id, approve), approve ? '已通过' : '已不通过'),
                    )
                  }
                />
              ))}
            <View className="roster__card" data-testid="roster-proxy">
              <Text className="roster__title">代报名（没有微信的居民）</Text>
              <Input
                className="roster__input"
                value={proxy.name}
                placeholder="姓名"
                onInput={(e) => setProxy({ ...proxy, name: e.detail.value })}
              />
              <Input
                className="roster__input"
                type="number"
                value={proxy.phone}
                placeholder="手机号（用来查重）"
                onInput={(e) => setProxy({ ...proxy, phone: e.detail.value })}
              />
              <Button type="primary" onClick={() => void signUpFor()}>
                代为报名
              </Button>
            </View>
            <View className="roster__card">
              <Text className="roster__title">取消活动</Text>
              <Input
                className="roster__input"
                value={reason}
                maxlength={100}
                placeholder="取消原因（会发给报名的居民）"
                onInput={(e) => setReason(e.detail.value)}
              />
              <Button onClick={() => void cancelEvent()}>取消活动</Button>
            </View>
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
