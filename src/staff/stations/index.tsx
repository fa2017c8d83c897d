import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { Tappable } from '../../components/tappable'
import { useAsync } from '../../hooks/use-async'
import { OpenBadge } from '../../pages/stations/components/open-badge'
import { stationsService } from '../../services/stations'
import './index.scss'

/** Staff: the stations of the units I manage, to open, edit or add to. */
export default function StaffStationsPage() {
  const mine = useAsync(() => stationsService.mine())
  useDidShow(() => {
    if (mine.data) void mine.reload()
  })
  const unitName = new Map((mine.data?.units ?? []).map((u) => [u.id, u.name]))

  return (
    <PageShell testId="staff-stations-page" className="staff-stations">
      <View className="staff-stations__top">
        <Button
          block
          type="primary"
          size="large"
          data-testid="staff-stations-new"
          onClick={() => void Taro.navigateTo({ url: '/staff/stations/edit' })}
        >
          ＋ 新建驿站
        </Button>
      </View>
      <AsyncView state={mine} isEmpty={(d) => d.items.length === 0} empty="您管理的单位还没有驿站">
        {(d) =>
          d.items.map((s) => (
            <Tappable
              key={s.id}
              className="station-card"
              role="link"
              testId={`staff-station-${s.id}`}
              hoverClass="station-card--pressed"
              onTap={() => void Taro.navigateTo({ url: `/staff/stations/edit?id=${encodeURIComponent(s.id)}` })}
            >
              <Text className="station-card__name">{s.name}</Text>
              <Text className="station-card__address">
                {unitName.get(s.unitId) ?? ''} · {s.address}
              </Text>
              <OpenBadge status={s.openStatus} />
              <Text className="station-card__more">编辑 ›</Text>
            </Tappable>
          ))
        }
      </AsyncView>
    </PageShell>
  )
}
