import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import type { EventKind } from '../../../types/events-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { can } from '../../lib/roles'
import { eventsService } from '../../services/events'
import { EventCard } from './components/event-card'
import { DATE_FILTERS, EVENT_KINDS, type DateFilter } from './format'
import { useRatable } from './use-ratable'
import { useUpcoming } from './use-upcoming'
import { Tappable } from '../../components/tappable'
import './index.scss'

type Tab = 'upcoming' | 'mine' | 'past'
const TABS: { value: Tab; title: string }[] = [
  { value: 'upcoming', title: '近期活动' },
  { value: 'mine', title: '我的报名' },
  { value: 'past', title: '参加过的' },
]

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 活动报名: upcoming events I may join, soonest first, filtered by kind and date, page by page; my sign-ups; the
 * ones I took part in. Each card shows the seats left, or my own status once I signed up.
 */
export default function EventsPage() {
  const { profile } = useMe()
  const [tab, setTab] = useState<Tab>('upcoming')
  const [kind, setKind] = useState<EventKind | undefined>()
  const [dates, setDates] = useState<DateFilter>('all')
  const upcoming = useUpcoming(kind, dates, tab === 'upcoming')
  const mine = useAsync(async () => (tab === 'upcoming' ? [] : (await eventsService.mine(tab === 'past')).items), [tab])
  const list = tab === 'upcoming' ? upcoming.state : mine
  const ratable = useRatable(tab === 'past' ? (mine.data?.map((e) => e.id) ?? null) : null)
  useDidShow(() => {
    void list.reload()
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell testId="events-page">
      <View className="events__banner">
        <Text className="events__title">活动报名</Text>
        <Text className="events__subtitle">板凳会、党课、义诊……社区的活动都在这里，名额有限，先到先得</Text>
        {can(profile, 'events.manage') ? (
          <View className="events__actions">
            <Button fill="outline" data-testid="events-staff" onClick={() => go('/staff/events/index')}>
              活动管理
            </Button>
          </View>
        ) : null}
      </View>
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)}>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>
      {tab === 'upcoming' ? (
        <View className="events__filters" data-testid="events-filters">
          <Tappable
            className={`events__chip ${kind ? '' : 'events__chip--on'}`}
            onTap={() => setKind(undefined)}
            pressed={!kind}
          >
            全部
          </Tappable>
          {EVENT_KINDS.map((k) => (
            <Tappable
              key={k.key}
              className={`events__chip ${kind === k.key ? 'events__chip--on' : ''}`}
              testId={`events-filter-${k.key}`}
              onTap={() => setKind(k.key)}
              pressed={kind === k.key}
            >
              {k.label}
            </Tappable>
          ))}
          <View className="events__break" />
          {DATE_FILTERS.map((d) => (
            <Tappable
              key={d.key}
              className={`events__chip ${dates === d.key ? 'events__chip--on' : ''}`}
              testId={`events-dates-${d.key}`}
              onTap={() => setDates(d.key)}
              pressed={dates === d.key}
            >
              {d.label}
            </Tappable>
          ))}
        </View>
      ) : null}
      <AsyncView
        state={list}
        staleWhileLoading={false}
        isEmpty={(items) => items.length === 0}
        emptyTestId="events-empty"
        empty={
          tab === 'upcoming'
            ? '近期没有可以报名的活动，过几天再来看看'
            : tab === 'mine'
              ? '您还没有报名活动'
              : '还没有参加过的活动'
        }
      >
        {(items) => (
          <View data-testid="events-list">
            {items.map((e) => (
              <View key={e.id}>
                <EventCard event={e} onOpen={(id) => go(`/pages/events/detail?id=${encodeURIComponent(id)}`)} />
                {ratable.has(e.id) ? (
                  <Tappable
                    className="events__rate"
                    testId="events-rate"
                    role="link"
                    onTap={() => go(`/pages/events/detail?id=${encodeURIComponent(e.id)}`)}
                  >
                    您参加了这次活动，点此评价
                  </Tappable>
                ) : null}
              </View>
            ))}
            {tab === 'upcoming' && upcoming.hasMore ? (
              <Button
                fill="outline"
                block
                loading={upcoming.loadingMore}
                onClick={() => void upcoming.loadMore()}
                data-testid="events-more"
              >
                加载更多
              </Button>
            ) : null}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
