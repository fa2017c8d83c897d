import { View, Text, Swiper, SwiperItem } from '@tarojs/components'
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro'
import { useMemo } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { shanghaiDate } from '../../lib/dayjs'
import { toastError } from '../../lib/feedback'
import { stationsService, type Amenity, type StationDetail } from '../../services/stations'
import { StationResults } from '../../components/station-results'
import { AmenityList } from './components/amenity-list'
import { OpenBadge } from './components/open-badge'
import { formatDistance, hoursRows, upcomingClosures } from './format'
import { callPhone, navigateTo } from './navigate'
import { Tappable } from '../../components/tappable'
import { Photo } from '../../components/photo'
import './detail.scss'

/**
 * One station: photos, how to get there, when it is open, what it offers and whom to
 * call. The wish-wall issue adds the station's fulfilled wishes and feedback below; until
 * then that section does not exist rather than showing empty.
 */
export default function StationDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const lng = Number(params.lng)
  const lat = Number(params.lat)
  const point = Number.isFinite(lng) && Number.isFinite(lat) && params.lng && params.lat ? { lng, lat } : undefined

  const station = useAsync(() => stationsService.get({ id, point }), [id, params.lng, params.lat])
  const catalogue = useAsync(() => stationsService.amenities())
  const amenityMap = useMemo(() => new Map((catalogue.data?.items ?? []).map((a) => [a.key, a])), [catalogue.data])
  usePullDownRefresh(() => {
    void station.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell testId="station-detail-page" className="station-detail">
      <AsyncView state={station}>{(s) => <StationBody s={s} amenityMap={amenityMap} />}</AsyncView>
    </PageShell>
  )
}

/** The loaded station, section by section (styles: detail.scss). */
function StationBody({ s, amenityMap }: { s: StationDetail; amenityMap: Map<string, Amenity> }) {
  const distance = formatDistance(s.distance)
  const closures = upcomingClosures(s.closures, shanghaiDate())
  const go = () => navigateTo(s.location, s.name, s.address).catch(toastError)

  return (
    <>
      {s.photos.length > 0 ? (
        <Swiper className="station-detail__photos" indicatorDots circular>
          {s.photos.map((photo, i) => (
            <SwiperItem key={photo.fileId}>
              <Photo className="station-detail__photo" src={photo.url} alt={`${s.name}照片${i + 1}`} />
            </SwiperItem>
          ))}
        </Swiper>
      ) : null}

      <View className="station-detail__card">
        <Text className="station-detail__name" data-testid="station-detail-name">
          {s.name}
        </Text>
        <OpenBadge status={s.openStatus} />
        <View className="station-detail__address">
          <Text>{s.address}</Text>
          {distance ? (
            <Text className="station-detail__distance" data-testid="station-detail-distance">
              距离 {distance}
            </Text>
          ) : null}
        </View>
        <View className="station-detail__actions">
          <Button type="primary" size="large" data-testid="station-navigate" onClick={() => void go()}>
            🧭 到这里去
          </Button>
          <Button
            fill="outline"
            size="large"
            data-testid="station-call"
            onClick={() => void callPhone(s.contact.phone).catch(() => undefined)}
          >
            📞 打电话
          </Button>
        </View>
      </View>

      <SectionTitle>开放时间</SectionTitle>
      <View className="station-detail__card" data-testid="station-hours">
        {hoursRows(s.hours).map((row) => (
          <View key={row.days} className="station-detail__row">
            <Text className="station-detail__row-label">{row.days}</Text>
            <Text>{row.text}</Text>
          </View>
        ))}
        {closures.map((c) => (
          <Text key={c} className="station-detail__closure">
            ⚠️ {c}
          </Text>
        ))}
      </View>

      <SectionTitle>便民服务</SectionTitle>
      <View className="station-detail__card" data-testid="station-amenities">
        {s.amenities.length > 0 ? (
          <AmenityList keys={s.amenities} catalogue={amenityMap} size="large" />
        ) : (
          <Text>暂未登记便民设施</Text>
        )}
      </View>

      <SectionTitle>联系方式</SectionTitle>
      <View className="station-detail__card">
        <Tappable
          className="station-detail__row"
          hoverClass="station-detail__row--pressed"
          onTap={() => void callPhone(s.contact.phone).catch(() => undefined)}
        >
          <Text className="station-detail__row-label">{s.contact.name ?? '值班电话'}</Text>
          <Text className="station-detail__phone" data-testid="station-phone">
            {s.contact.phone}
          </Text>
        </Tappable>
      </View>

      {s.description ? (
        <>
          <SectionTitle>驿站介绍</SectionTitle>
          <View className="station-detail__card">
            <Text>{s.description}</Text>
          </View>
        </>
      ) : null}

      <StationResults stationId={s.id} />

      {s.canEdit ? (
        <View className="station-detail__edit">
          <Button
            block
            fill="outline"
            data-testid="station-edit"
            onClick={() => void Taro.navigateTo({ url: `/staff/stations/edit?id=${encodeURIComponent(s.id)}` })}
          >
            编辑驿站信息
          </Button>
        </View>
      ) : null}
    </>
  )
}
