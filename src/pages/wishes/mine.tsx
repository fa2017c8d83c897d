import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Loading, Tabs } from '@nutui/nutui-react-taro'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { formatTime } from '../../lib/dayjs'
import { can } from '../../lib/roles'
import { wishesService } from '../../services/wishes'
import { WishCard } from './components/wish-card'
import { Tappable } from '../../components/tappable'
import './mine.scss'

type Tab = 'wisher' | 'claimer' | 'ledger'

/** 我的心愿: what I asked for; for a volunteer also what I claimed and the hours credited to me. */
export default function MyWishesPage() {
  const { profile } = useMe()
  const isVolunteer = can(profile, 'wishes.claim')
  const [tab, setTab] = useState<Tab>('wisher')
  const list = useAsync(() => (tab === 'ledger' ? Promise.resolve(null) : wishesService.mine({ as: tab, pageSize: 50 })), [tab])
  const ledger = useAsync(() => (tab === 'ledger' ? wishesService.ledger() : Promise.resolve(null)), [tab])
  useDidShow(() => {
    void list.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), ledger.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  const open = (id: string) => void Taro.navigateTo({ url: `/pages/wishes/detail?id=${encodeURIComponent(id)}` })
  const items = list.data?.items ?? []

  return (
    <PageShell testId="wishes-mine-page">
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)}>
        <Tabs.TabPane value="wisher" title="我发布的" />
        {isVolunteer ? <Tabs.TabPane value="claimer" title="我认领的" /> : null}
        {isVolunteer ? <Tabs.TabPane value="ledger" title="服务记录" /> : null}
      </Tabs>
      {tab === 'ledger' ? (
        ledger.data ? (
          <View data-testid="wishes-ledger">
            <View className="mine__totals">
              <Text className="mine__total">累计服务 {ledger.data.totalHours} 小时</Text>
              <Text className="mine__total">积分 {ledger.data.totalPoints}</Text>
            </View>
            {ledger.data.items.length === 0 ? <EmptyState description="完成并经心愿人确认的心愿会记在这里" /> : null}
            {ledger.data.items.map((e) => (
              <Tappable key={e.id} className="mine__entry" onTap={() => open(e.wishId)} role="link">
                <Text>{e.wishText}</Text>
                <Text className="mine__entry-meta">
                  {formatTime(e.creditedAt)} · {e.hours} 小时 · {e.points} 积分
                </Text>
              </Tappable>
            ))}
          </View>
        ) : (
          <View className="mine__center">{ledger.error ? <EmptyState error description={ledger.error} /> : <Loading>正在加载…</Loading>}</View>
        )
      ) : list.loading && !list.data ? (
        <View className="mine__center">
          <Loading>正在加载…</Loading>
        </View>
      ) : list.error ? (
        <EmptyState error description={list.error} />
      ) : items.length === 0 ? (
        <EmptyState description={tab === 'wisher' ? '您还没有发布过心愿' : '您还没有认领过心愿'} />
      ) : (
        <View data-testid="wishes-mine-list">
          {items.map((w) => (
            <WishCard key={w.id} wish={w} onOpen={open} />
          ))}
        </View>
      )}
    </PageShell>
  )
}
