import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Tabs } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { noticesService } from '../../services/notices'
import { NoticeCard } from './components/notice-card'
import './index.scss'

type Tab = 'current' | 'archive'

/** 社区通知: the notices sent to me, pinned first then newest; expired ones under 已过期. */
export default function NoticesPage() {
  const [tab, setTab] = useState<Tab>('current')
  const list = useAsync(() => noticesService.list({ archive: tab === 'archive' }), [tab])
  useDidShow(() => {
    void list.reload()
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const open = (id: string) => void Taro.navigateTo({ url: `/pages/notices/detail?id=${encodeURIComponent(id)}` })

  return (
    <PageShell testId="notices-page" className="notices">
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)}>
        <Tabs.TabPane
          value="current"
          title={
            list.data && tab === 'current' && list.data.unread > 0
              ? `当前通知（${list.data.unread} 条未读）`
              : '当前通知'
          }
        />
        <Tabs.TabPane value="archive" title="已过期" />
      </Tabs>
      <AsyncView
        state={list}
        staleWhileLoading={false}
        isEmpty={(d) => d.items.length === 0}
        empty={tab === 'current' ? '暂时没有发给您的通知。社区、网格发布通知后会出现在这里' : '没有已过期的通知'}
        emptyTestId="notices-empty"
      >
        {(d) => (
          <View data-testid="notices-list">
            {d.items.map((n) => (
              <NoticeCard key={n.id} item={n} onOpen={open} />
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
