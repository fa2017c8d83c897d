import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { monthLabel } from '../../../types/events-figures-labels'
import { AsyncView, nullAsLoading } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { Tappable } from '../../components/tappable'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { shanghaiDate } from '../../lib/dayjs'
import { unitsWith } from '../../lib/roles'
import { eventFiguresService } from '../../services/events-figures'
import { useExport } from '../cases/use-export'
import { UnitMonthCard } from './components/unit-month-card'
import { MEASURES, shiftMonth } from './figures-format'
// The measures, the export and its link look as on 台账与考核.
import '../cases/reports.scss'
import './figures.scss'

/**
 * 活动统计 (staff subpackage), beside 台账与考核: one month of a unit's events per community
 * — did each hold its 板凳会 / 老党员讲故事 / 党史知识竞赛, sign-ups, attendance, no-shows,
 * party members' share, service hours, satisfaction — and the Excel export (a download link
 * on H5; opened in WeChat's document viewer on weapp).
 */
export default function EventFiguresPage() {
  const { params } = useRouter()
  const { profile } = useMe()
  const unitId = params.unitId ? decodeURIComponent(params.unitId) : (unitsWith(profile, 'events.manage')[0] ?? null)
  const thisMonth = shanghaiDate(0).slice(0, 7)
  const [month, setMonth] = useState(thisMonth)
  const { exporting, link, clear, run } = useExport()
  const report = useAsync(
    () => (unitId ? eventFiguresService.figures(unitId, month) : Promise.resolve(null)),
    [unitId, month],
  )
  usePullDownRefresh(() => void report.reload().finally(() => Taro.stopPullDownRefresh()))
  const pick = (next: string) => {
    clear()
    setMonth(next)
  }
  const exportMonth = async () => {
    if (!unitId) return
    await run(
      () => eventFiguresService.exportFigures(unitId, month),
      (rows) => `已导出 ${rows} 个单位`,
    )
  }

  return (
    <PageShell testId="staff-event-figures-page" className="event-figures">
      <View className="event-figures__months">
        <Button
          size="small"
          fill="outline"
          onClick={() => pick(shiftMonth(month, -1))}
          data-testid="event-figures-prev"
        >
          上个月
        </Button>
        <Text className="event-figures__month" data-testid="event-figures-month">
          {monthLabel(month)}
        </Text>
        <Button
          size="small"
          fill="outline"
          disabled={month >= thisMonth}
          onClick={() => pick(shiftMonth(month, 1))}
          data-testid="event-figures-next"
        >
          下个月
        </Button>
      </View>
      <AsyncView state={nullAsLoading(report)}>
        {(r) => (
          <>
            <SectionTitle>{r.unitName}</SectionTitle>
            <View className="case-reports__card">
              <View className="case-reports__grid" data-testid="event-figures-total">
                {MEASURES.map((m) => (
                  <View key={m.key} className="case-reports__measure" data-testid={`event-figure-${m.key}`}>
                    <Text className="case-reports__value">{m.show(r.total)}</Text>
                    <Text className="case-reports__name">{m.label}</Text>
                  </View>
                ))}
              </View>
            </View>
            <SectionTitle>各社区</SectionTitle>
            {r.units.map((u) => (
              <UnitMonthCard key={u.unitId} u={u} />
            ))}
          </>
        )}
      </AsyncView>
      <View className="case-reports__export">
        <Button
          fill="outline"
          loading={exporting}
          onClick={() => void exportMonth()}
          data-testid="event-figures-export"
        >
          导出{monthLabel(month)}活动统计 Excel
        </Button>
        {link ? (
          <Tappable
            className="case-reports__link"
            testId="event-figures-link"
            onTap={() => window.open(link.url, '_blank')}
            role="link"
          >
            下载 {link.name}
          </Tappable>
        ) : null}
        <Text className="case-reports__hint">
          按活动开始的月份统计，已取消的活动不计。出勤率＝签到÷报名成功；缺席率＝未签到÷报名成功；党员占比＝参加者中的党员÷参加人数（含现场补登）；满意率＝（满意＋基本满意）÷评价人数。报名、签到等在活动结束、考勤完成后计入。
        </Text>
      </View>
    </PageShell>
  )
}
