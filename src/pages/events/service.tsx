import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import dayjs from '../../lib/dayjs'
import { attendanceService, type MyService } from '../../services/events-attendance'
import { hoursLabel } from './checkin-format'
import { Tappable } from '../../components/tappable'
import './service.scss'

type Item = MyService['items'][number]

function Row({ item }: { item: Item }) {
  return (
    <Tappable
      className="service-record__row"
      onTap={() => void Taro.navigateTo({ url: item.link })}
      testId="service-record-row"
      role="link"
    >
      <View className="service-record__main">
        <Text className="service-record__title">{item.title}</Text>
        <Text className="service-record__meta">
          {item.source === 'event' ? '参加活动' : '认领微心愿'} ·{' '}
          {dayjs(item.creditedAt).tz('Asia/Shanghai').format('YYYY年M月D日')}
        </Text>
      </View>
      <Text className="service-record__hours">{hoursLabel(item.hours)}</Text>
    </Tappable>
  )
}

/** 志愿服务记录: my service hours from events attended and wishes fulfilled, with the totals. */
export default function ServiceRecordPage() {
  const record = useAsync(() => attendanceService.myService(), [])
  usePullDownRefresh(() => void record.reload().finally(() => Taro.stopPullDownRefresh()))
  return (
    <PageShell className="service-record" testId="service-record-page">
      <AsyncView
        state={record}
        isEmpty={(d) => d.items.length === 0}
        empty="还没有志愿服务记录。参加志愿服务活动签到，或认领并完成微心愿后，服务时长会记在这里。"
        emptyTestId="service-record-empty"
      >
        {(d) => (
          <View>
            <View className="service-record__card service-record__totals" data-testid="service-record-total">
              <Text className="service-record__total">累计 {hoursLabel(d.totalHours)}</Text>
              <Text className="service-record__meta">
                活动 {hoursLabel(d.eventHours)} · 微心愿 {hoursLabel(d.wishHours)}
              </Text>
            </View>
            <View className="service-record__card">
              {d.items.map((item) => (
                <Row key={item.id} item={item} />
              ))}
            </View>
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
