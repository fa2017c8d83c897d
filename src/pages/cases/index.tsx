import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { casesService } from '../../services/cases'
import { CaseCard } from './components/case-card'
import './index.scss'

type Filter = 'all' | 'open' | 'resolved' | 'closed'
const FILTERS: { value: Filter; title: string }[] = [
  { value: 'all', title: '全部' },
  { value: 'open', title: '办理中' },
  { value: 'resolved', title: '待评价' },
  { value: 'closed', title: '已结案' },
]
const PAGE = 20

/** 我的诉求: what I reported, newest first, with its state, who handles it and by when; 我要反映 on top. */
export default function MyCasesPage() {
  const [filter, setFilter] = useState<Filter>('all')
  const [limit, setLimit] = useState(PAGE)
  const list = useAsync(() => casesService.myCases({ status: filter, pageSize: limit }), [filter, limit])
  useDidShow(() => {
    void list.reload()
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const open = (id: string) => void Taro.navigateTo({ url: `/pages/cases/detail?id=${encodeURIComponent(id)}` })

  return (
    <PageShell testId="cases-mine-page" className="cases-mine">
      <View className="cases-mine__new">
        <Button
          block
          type="primary"
          size="large"
          data-testid="cases-new"
          onClick={() => void Taro.navigateTo({ url: '/pages/cases/submit' })}
        >
          我要反映
        </Button>
      </View>
      <Tabs
        value={filter}
        onChange={(v) => {
          setFilter(v as Filter)
          setLimit(PAGE)
        }}
      >
        {FILTERS.map((f) => (
          <Tabs.TabPane key={f.value} value={f.value} title={f.title} />
        ))}
      </Tabs>
      <AsyncView
        state={list}
        isEmpty={(d) => d.items.length === 0}
        empty={filter === 'all' ? '您还没有反映过问题。遇到身边的难事、烦心事，点上面的“我要反映”' : '这里没有诉求'}
        emptyTestId="cases-mine-empty"
      >
        {(d) => (
          <View data-testid="cases-mine-list">
            {d.items.map((c) => (
              <CaseCard key={c.id} item={c} onOpen={open} />
            ))}
            {d.total > d.items.length ? (
              <View className="cases-mine__more">
                <Button
                  block
                  fill="outline"
                  loading={list.loading}
                  onClick={() => setLimit((n) => Math.min(n + PAGE, 50))}
                  disabled={limit >= 50}
                >
                  {limit >= 50 ? '只显示最近 50 件' : '加载更多'}
                </Button>
              </View>
            ) : null}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
