import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useMemo, useState } from 'react'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { can } from '../../lib/roles'
import { stationsService, type StationSummary } from '../../services/stations'
import { OriginBar } from './components/origin-bar'
import { PlacePicker } from './components/place-picker'
import { StationFilters } from './components/station-filters'
import { StationList } from './components/station-list'
import { StationSearch } from './components/station-search'
import { useOriginChoice } from './use-origin-choice'
import { useStationPages } from './use-station-pages'
import './index.scss'

/**
 * 红色驿站: the stations near me (or a picked place, or my community), searched by name and
 * filtered by 正在营业, distance and amenities, as a list or on the map.
 */
export default function StationsPage() {
  const { choice, locating, locateMe, choosePlace, backToCommunity } = useOriginChoice()
  const { profile } = useMe()
  const isEditor = can(profile, 'stations.edit')
  const catalogue = useAsync(() => stationsService.amenities())
  const amenityMap = useMemo(() => new Map((catalogue.data?.items ?? []).map((a) => [a.key, a])), [catalogue.data])

  const [keyword, setKeyword] = useState('')
  const [amenities, setAmenities] = useState<string[]>([])
  const [openNow, setOpenNow] = useState(false)
  const [radius, setRadius] = useState<number | undefined>(undefined)
  const [picking, setPicking] = useState(false)
  const point = choice.kind === 'auto' ? undefined : choice.point
  const { page, loading, error, load } = useStationPages({ point, amenities, openNow, radius, keyword })

  useEffect(() => {
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

  return (
    <PageShell testId="stations-page" className="stations">
      <StationSearch keyword={keyword} onSearch={setKeyword} />
      <OriginBar
        choice={choice}
        origin={page?.origin}
        locating={locating}
        onLocate={() => void locateMe()}
        onPick={() => setPicking(true)}
        onCommunity={backToCommunity}
      />
      <StationFilters
        openNow={openNow}
        onOpenNow={setOpenNow}
        radius={radius}
        onRadius={setRadius}
        catalogue={catalogue.data?.items ?? []}
        amenities={amenities}
        onToggleAmenity={toggleAmenity}
      />
      <StationList page={page} loading={loading} error={error} catalogue={amenityMap} onOpen={open} load={load} />

      {isEditor ? (
        <View className="stations__staff">
          <Button
            block
            fill="outline"
            data-testid="stations-manage"
            onClick={() => void Taro.navigateTo({ url: '/staff/stations/index' })}
          >
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
