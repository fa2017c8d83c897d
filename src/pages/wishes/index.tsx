import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import type { WishCategory } from '../../../types/wishes'
import { AsyncView } from '../../components/async-view'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useMe } from '../../hooks/use-me'
import { can } from '../../lib/roles'
import type { WallInput } from '../../services/wishes'
import { WishCard } from './components/wish-card'
import { WISH_CATEGORIES } from './format'
import { useWallPages } from './use-wall-pages'
import { Tappable } from '../../components/tappable'
import './index.scss'

type WallStatus = NonNullable<WallInput['status']>
const STATUS_TABS: { value: WallStatus; title: string }[] = [
  { value: 'open', title: '待认领' },
  { value: 'claimed', title: '进行中' },
  { value: 'confirmed', title: '已完成' },
]

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 微心愿墙: the open wishes of my community (or of a station, when opened from one), newest
 * or most urgent first, filtered by category and status. Names are masked by the function.
 */
export default function WishWallPage() {
  const { params } = useRouter()
  const stationId = params.stationId ? decodeURIComponent(params.stationId) : undefined
  const { profile, loading: meLoading } = useMe()
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : profile?.community?.id
  const [status, setStatus] = useState<WallStatus>('open')
  const [category, setCategory] = useState<WishCategory | undefined>()
  const [sort, setSort] = useState<'newest' | 'soonest'>('newest')

  const where = stationId ? { stationId } : communityId ? { communityId } : null
  const wall = useWallPages(where ? { ...where, status, category, sort } : null, [
    stationId,
    communityId,
    status,
    category,
    sort,
  ])
  useDidShow(() => {
    void wall.refreshIfOnFirstPage()
  })
  usePullDownRefresh(() => {
    void wall.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    void wall.loadMore()
  })

  return (
    <PageShell testId="wishes-wall-page">
      <View className="wall__banner">
        <Text className="wall__title">微心愿墙</Text>
        <Text className="wall__subtitle">
          {stationId ? '本驿站收集的心愿' : (profile?.community?.name ?? '')}，党员志愿者认领帮您实现
        </Text>
        <View className="wall__actions">
          <Button
            type="primary"
            data-testid="wishes-post"
            onClick={() => go(`/pages/wishes/post${stationId ? `?stationId=${encodeURIComponent(stationId)}` : ''}`)}
          >
            我要许愿
          </Button>
          <Button fill="outline" data-testid="wishes-mine" onClick={() => go('/pages/wishes/mine')}>
            我的心愿
          </Button>
          {can(profile, 'wishes.review') ? (
            <Button fill="outline" data-testid="wishes-staff" onClick={() => go('/staff/wishes/index')}>
              心愿审核
            </Button>
          ) : null}
        </View>
      </View>

      <Tabs value={status} onChange={(v) => setStatus(v as WallStatus)}>
        {STATUS_TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>
      <View className="wall__filters" data-testid="wishes-filters">
        <Tappable
          className={`wall__chip ${category ? '' : 'wall__chip--on'}`}
          onTap={() => setCategory(undefined)}
          pressed={!category}
        >
          全部
        </Tappable>
        {WISH_CATEGORIES.map((c) => (
          <Tappable
            key={c.key}
            className={`wall__chip ${category === c.key ? 'wall__chip--on' : ''}`}
            testId={`wishes-filter-${c.key}`}
            onTap={() => setCategory(c.key)}
            pressed={category === c.key}
          >
            {c.label}
          </Tappable>
        ))}
        <Tappable
          className="wall__sort"
          testId="wishes-sort"
          onTap={() => setSort(sort === 'newest' ? 'soonest' : 'newest')}
        >
          {sort === 'newest' ? '按最新发布 ⇅' : '按最急需 ⇅'}
        </Tappable>
      </View>

      {!where && !meLoading ? (
        <EmptyState description="请先在“我的”里选择所在社区">
          <Button fill="outline" onClick={() => go('/pages/me/community')}>
            去选择社区
          </Button>
        </EmptyState>
      ) : (
        <AsyncView
          // No community yet: the person is still being loaded.
          state={
            where
              ? { data: wall.items, loading: wall.loading, error: wall.error, reload: wall.reload }
              : { data: undefined, loading: true, error: null }
          }
          isEmpty={(items) => items.length === 0}
          empty={status === 'open' ? '暂时没有待认领的心愿' : '暂时没有记录'}
          emptyTestId="wishes-empty"
          staleWhileLoading={false}
        >
          {(items) => (
            <View data-testid="wishes-list">
              {items.map((w) => (
                <WishCard
                  key={w.id}
                  wish={w}
                  onOpen={(id) => go(`/pages/wishes/detail?id=${encodeURIComponent(id)}`)}
                />
              ))}
              {wall.hasMore ? (
                <View className="wall__more">
                  <Button
                    fill="outline"
                    loading={wall.loadingMore}
                    onClick={() => void wall.loadMore()}
                    data-testid="wishes-more"
                  >
                    加载更多
                  </Button>
                </View>
              ) : (
                <Text className="wall__end">没有更多了</Text>
              )}
            </View>
          )}
        </AsyncView>
      )}
    </PageShell>
  )
}
