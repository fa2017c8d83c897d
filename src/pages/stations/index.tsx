import { View, Text, Input } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Loading } from '@nutui/nutui-react-taro'
import { EmptyState } from '../../components/empty-state'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { can } from '../../lib/roles'
import { messageOf } from '../../services/errors'
import { stationsService, type StationPage, type StationSummary } from '../../services/stations'
import { AmenityList } from './components/amenity-list'
import { OpenBadge } from './components/open-badge'
import { PlacePicker } from './components/place-picker'
import { StationCard } from './components/station-card'
import { MAP_AVAILABLE, StationMap } from './components/station-map'
import { useOriginChoice, type OriginChoice } from './use-origin-choice'
import './index.scss'

const PAGE_SIZE = 20
const RADII: { value: number | undefined; label: string }[] = [
  { value: undefined, label: '不限距离' },
  { value: 1000, label: '1公里内' },
  { value: 3000, label: '3公里内' },
  { value: 10_000, label: '10公里内' },
]

function originText(choice: OriginChoice, origin: StationPage['origin'] | undefined): string {
  if (choice.kind === 'gps') return '按您当前的位置，由近到远'
  if (choice.kind === 'place') return `按「${choice.name}」，由近到远`
  if (origin?.source === 'community') return `按您所在的${origin.name ?? '社区'}，由近到远`
  return '没有位置信息，按名称排列'
}

export default function StationsPage() {
  const { choice, locating, locateMe, choosePlace, backToCommunity } = useOriginChoice()
  const { profile } = useMe()
  const isEditor = can(profile, 'stations.edit')
  const catalogue = useAsync(() => stationsService.amenities())
  const amenityMap = useMemo(() => new Map((catalogue.data?.items ?? []).map((a) => [a.key, a])), [catalogue.data])

  const [keywordDraft, setKeywordDraft] = useState('')
  const [keyword, setKeyword] = useState('')
  const [amenities, setAmenities] = useState<string[]>([])
  const [openNow, setOpenNow] = useState(false)
  const [radius, setRadius] = useState<number | undefined>(undefined)
  const [view, setView] = useState<'list' | 'map'>('list')
  const [picking, setPicking] = useState(false)
  const [selected, setSelected] = useState<StationSummary | null>(null)

  const [page, setPage] = useState<StationPage | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const ticket = useRef(0)

  const point = choice.kind === 'auto' ? undefined : choice.point
  const load = useCallback(
    async (offset: number) => {
      const mine = ++ticket.current
      setLoading(true)
      setError(null)
      try {
        const common = { point, amenities, openNow, offset, limit: PAGE_SIZE }
        // A name search looks everywhere; the radius only narrows "what is near me".
        const next = keyword ? await stationsService.search({ ...common, keyword }) : await stationsService.nearby({ ...common, radius })
        if (mine !== ticket.current) return
        setPage((prev) => (offset === 0 || !prev ? next : { ...next, items: [...prev.items, ...next.items] }))
      } catch (e) {
        if (mine === ticket.current) setError(messageOf(e))
      } finally {
        if (mine === ticket.current) setLoading(false)
      }
    },
    [point, amenities, openNow, radius, keyword],
  )

  useEffect(() => {
    setSelected(null)
    void load(0)
  }, [load])
  usePullDownRefresh(() => {
    void load(0).finally(() => Taro.stopPullDownRefresh())
  })

  const toggleAmenity = (key: string) =>
    setAmenities((list) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]))
  const open = (station: StationSummary) => {
    // The detail measures from the same place the list did (my position, a picked place or my community).
    const from = page?.origin?.point
    const at = from ? `&lng=${from.lng}&lat=${from.lat}` : ''
    void Taro.navigateTo({ url: `/pages/stations/detail?id=${encodeURIComponent(station.id)}${at}` })
  }
  const items = page?.items ?? []

  return (
    <PageShell testId="stations-page" className="stations">
      <View className="stations__search">
        <Input
          className="stations__search-input"
          data-testid="stations-search-input"
          value={keywordDraft}
          placeholder="搜索驿站名称或地址"
          confirmType="search"
          onInput={(e) => setKeywordDraft(e.detail.value)}
          onConfirm={() => setKeyword(keywordDraft.trim())}
        />
        <Button type="primary" size="large" data-testid="stations-search-submit" onClick={() => setKeyword(keywordDraft.trim())}>
          搜索
        </Button>
      </View>
      {keyword ? (
        <View className="stations__keyword" data-testid="stations-keyword">
          <Text>正在查找“{keyword}”</Text>
          <Text
            className="stations__link"
            onClick={() => {
              setKeyword('')
              setKeywordDraft('')
            }}
          >
            清除
          </Text>
        </View>
      ) : null}

      <View className="stations__origin">
        <Text className="stations__origin-text" data-testid="stations-origin">
          📍 {originText(choice, page?.origin)}
        </Text>
        <View className="stations__origin-actions">
          <Button fill="outline" loading={locating} data-testid="stations-locate" onClick={() => void locateMe()}>
            用我的位置
          </Button>
          <Button fill="outline" data-testid="stations-pick" onClick={() => setPicking(true)}>
            选择地点
          </Button>
          {choice.kind !== 'auto' ? (
            <Button fill="none" onClick={backToCommunity}>
              按我的社区
            </Button>
          ) : null}
        </View>
        {choice.kind !== 'gps' ? <Text className="stations__origin-why">定位只用来计算您到驿站的距离，不会保存，也可以不定位直接查看。</Text> : null}
      </View>

      <View className="stations__filters" data-testid="stations-filters">
        <View className="stations__chips">
          <View
            className={`chip ${openNow ? 'chip--on' : ''}`}
            data-testid="stations-filter-open"
            aria-checked={openNow}
            role="checkbox"
            onClick={() => setOpenNow((v) => !v)}
          >
            <Text>🕘 正在营业</Text>
          </View>
          {RADII.map((r) => (
            <View
              key={r.label}
              className={`chip ${radius === r.value ? 'chip--on' : ''}`}
              data-testid={`stations-radius-${r.value ?? 'any'}`}
              role="radio"
              aria-checked={radius === r.value}
              onClick={() => setRadius(r.value)}
            >
              <Text>{r.label}</Text>
            </View>
          ))}
        </View>
        <View className="stations__chips">
          {(catalogue.data?.items ?? []).map((a) => (
            <View
              key={a.key}
              className={`chip ${amenities.includes(a.key) ? 'chip--on' : ''}`}
              data-testid={`stations-filter-${a.key}`}
              role="checkbox"
              aria-checked={amenities.includes(a.key)}
              onClick={() => toggleAmenity(a.key)}
            >
              <Text>
                {a.icon} {a.label}
              </Text>
            </View>
          ))}
        </View>
      </View>

      {MAP_AVAILABLE ? (
        <View className="stations__views">
          <Button type={view === 'list' ? 'primary' : 'default'} onClick={() => setView('list')}>
            列表
          </Button>
          <Button type={view === 'map' ? 'primary' : 'default'} onClick={() => setView('map')}>
            地图
          </Button>
        </View>
      ) : null}

      {MAP_AVAILABLE && view === 'map' ? (
        <View className="stations__map">
          <StationMap stations={items} centre={page?.origin?.point ?? null} onSelect={setSelected} />
          {selected ? (
            <View className="stations__selected" data-testid="stations-map-card">
              <Text className="station-card__name">{selected.name}</Text>
              <OpenBadge status={selected.openStatus} />
              <AmenityList keys={selected.amenities} catalogue={amenityMap} />
              <Button type="primary" block onClick={() => open(selected)}>
                查看详情
              </Button>
            </View>
          ) : (
            <Text className="stations__hint">点地图上的红色标记，查看驿站信息</Text>
          )}
        </View>
      ) : (
        <View className="stations__list" data-testid="stations-list">
          {items.map((s) => (
            <StationCard key={s.id} station={s} catalogue={amenityMap} onOpen={open} />
          ))}
          {loading ? (
            <View className="stations__hint">
              <Loading>正在查找驿站…</Loading>
            </View>
          ) : null}
          {!loading && error ? (
            <View className="stations__hint">
              <EmptyState error description={error} />
              <Button fill="outline" onClick={() => void load(0)}>
                重新加载
              </Button>
            </View>
          ) : null}
          {!loading && !error && items.length === 0 ? (
            <View className="stations__hint" data-testid="stations-empty">
              <EmptyState description="没有找到符合条件的驿站，试试减少筛选条件" />
            </View>
          ) : null}
          {!loading && page?.hasMore ? (
            <Button block fill="outline" data-testid="stations-more" onClick={() => void load(page.nextOffset)}>
              加载更多
            </Button>
          ) : null}
        </View>
      )}

      {isEditor ? (
        <View className="stations__staff">
          <Button block fill="outline" data-testid="stations-manage" onClick={() => void Taro.navigateTo({ url: '/staff/stations/index' })}>
            管理本单位的驿站
          </Button>
        </View>
      ) : null}

      <PlacePicker
        visible={picking}
        onClose={() => setPicking(false)}
        onPick={(p, name) => {
          setPicking(false)
          choosePlace(p, name)
        }}
      />
    </PageShell>
  )
}
