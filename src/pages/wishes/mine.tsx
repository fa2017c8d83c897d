import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Tabs } from '@nutui/nutui-react-taro'
import { AsyncView, nullAsLoading } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { can } from '../../lib/roles'
import { wishesService } from '../../services/wishes'
import { VolunteerLedger } from './components/volunteer-ledger'
import { WishCard } from './components/wish-card'
import './mine.scss'

type Tab = 'wisher' | 'claimer' | 'ledger'

/** 我的心愿: what I asked for; for a volunteer also what I claimed and the hours credited to me. */
export default function MyWishesPage() {
  const { profile } = useMe()
  const isVolunteer = can(profile, 'wishes.claim')
  const [tab, setTab] = useState<Tab>('wisher')
  const list = useAsync(
    () => (tab === 'ledger' ? Promise.resolve(null) : wishesService.mine({ as: tab, pageSize: 50 })),
    [tab],
  )
  const ledger = useAsync(() => (tab === 'ledger' ? wishesService.ledger() : Promise.resolve(null)), [tab])
  useDidShow(() => {
    void list.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([list.reload(), ledger.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  const open = (id: string) => void Taro.navigateTo({ url: `/pages/wishes/detail?id=${encodeURIComponent(id)}` })

  return (
    <PageShell testId="wishes-mine-page">
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)}>
        <Tabs.TabPane value="wisher" title="我发布的" />
        {isVolunteer ? <Tabs.TabPane value="claimer" title="我认领的" /> : null}
        {isVolunteer ? <Tabs.TabPane value="ledger" title="服务记录" /> : null}
      </Tabs>
      {tab === 'ledger' ? (
        <AsyncView state={nullAsLoading(ledger)}>{(d) => <VolunteerLedger ledger={d} onOpen={open} />}</AsyncView>
      ) : (
        <AsyncView
          state={nullAsLoading(list)}
          isEmpty={(d) => d.items.length === 0}
          empty={tab === 'wisher' ? '您还没有发布过心愿' : '您还没有认领过心愿'}
        >
          {(d) => (
            <View data-testid="wishes-mine-list">
              {d.items.map((w) => (
                <WishCard key={w.id} wish={w} onOpen={open} />
              ))}
            </View>
          )}
        </AsyncView>
      )}
    </PageShell>
  )
}
