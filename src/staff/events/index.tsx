import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { unitsWith } from '../../lib/roles'
import { eventsService, type ManageBox } from '../../services/events'
import { EventCard } from '../../pages/events/components/event-card'
import './index.scss'

const BOXES: { value: ManageBox; title: string }[] = [
  { value: 'upcoming', title: '进行中' },
  { value: 'drafts', title: '草稿' },
  { value: 'past', title: '已结束' },
  { value: 'cancelled', title: '已取消·暂停' },
]

/** 活动管理: the organiser's events by box, and the way to a new one or a series. */
export default function StaffEventsPage() {
  const { profile } = useMe()
  const unitId = unitsWith(profile, 'events.manage')[0] ?? null
  const [box, setBox] = useState<ManageBox>('upcoming')
  const list = useAsync(
    async () => (unitId ? (await eventsService.manage({ unitId, box, limit: 50 })).items : []),
    [unitId, box],
  )
  useDidShow(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <PageShell testId="staff-events-page">
      <View className="staff-events__actions">
        <Button type="primary" onClick={() => go('/staff/events/edit')} data-testid="staff-events-new">
          新建活动
        </Button>
        <Button fill="outline" onClick={() => go('/staff/events/edit?series=1')} data-testid="staff-events-new-series">
          新建系列活动
        </Button>
        <Button fill="outline" onClick={() => go('/staff/events/figures')} data-testid="staff-events-figures">
          活动统计
        </Button>
      </View>
      <Tabs value={box} onChange={(v) => setBox(v as ManageBox)}>
        {BOXES.map((b) => (
          <Tabs.TabPane key={b.value} value={b.value} title={b.title} />
        ))}
      </Tabs>
      <AsyncView
        state={list}
        staleWhileLoading={false}
        isEmpty={(items) => items.length === 0}
        empty="这里还没有活动"
        emptyTestId="staff-events-empty"
      >
        {(items) => (
          <View data-testid="staff-events-list">
            {items.map((e) => (
              <EventCard
                key={e.id}
                event={e}
                onOpen={(id) => go(`/staff/events/roster?id=${encodeURIComponent(id)}`)}
              />
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
