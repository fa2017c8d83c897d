import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import type { Ledger } from '../../../types/cases'
import { AsyncView, nullAsLoading } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { shanghaiDate } from '../../lib/dayjs'
import { can } from '../../lib/roles'
import { casesService } from '../../services/cases'
import { CaseCard } from '../../pages/cases/components/case-card'
import { LEDGER_LABELS } from '../../pages/cases/format'
import { FiguresCard } from './components/figures-card'
import { useExport } from './use-export'
import { UnitPicker } from './unit-picker'
import { useStaffUnit } from './use-staff-unit'
import { Tappable } from '../../components/tappable'
import { WhenPicker } from '../../components/when-picker'
import './reports.scss'

/**
 * 台账与考核 (staff subpackage): a unit's 督办考核 figures over a date range — 受理量, 办结率,
 * 按时办结率, 满意率, 参评率, for the unit and each unit below it — the four ledgers, and
 * the Excel export (a download link on H5; opened in WeChat's document viewer on weapp).
 */
export default function CaseReportsPage() {
  const { params } = useRouter()
  const staff = useStaffUnit(params.unitId ? decodeURIComponent(params.unitId) : undefined)
  const [from, setFrom] = useState(shanghaiDate(-30))
  const [to, setTo] = useState(shanghaiDate(0))
  const [ledger, setLedger] = useState<Ledger>('general')
  const { exporting, link, run } = useExport()
  const unitId = staff.unit?.id
  const range = from <= to ? { from, to } : { from: to, to: from }
  const figures = useAsync(
    () => (unitId ? casesService.figures({ unitId, ...range }) : Promise.resolve(null)),
    [unitId, range.from, range.to],
  )
  const list = useAsync(
    () => (unitId ? casesService.ledger({ unitId, ledger, ...range, pageSize: 50 }) : Promise.resolve(null)),
    [unitId, ledger, range.from, range.to],
  )
  usePullDownRefresh(() => {
    void Promise.all([figures.reload(), list.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const exportLedger = async () => {
    if (!unitId) return
    await run(
      () => casesService.export({ unitId, ...range, ledger }),
      (rows) => `已导出 ${rows} 条`,
    )
  }

  return (
    <PageShell testId="staff-case-reports-page" className="case-reports">
      <UnitPicker choice={staff} />
      <View className="case-reports__range">
        <WhenPicker mode="date" value={from} end={to} onChange={setFrom} label="统计开始日期">
          <Text className="case-reports__date" data-testid="case-reports-from">
            {from}
          </Text>
        </WhenPicker>
        <Text>至</Text>
        <WhenPicker mode="date" value={to} start={from} onChange={setTo} label="统计结束日期">
          <Text className="case-reports__date" data-testid="case-reports-to">
            {to}
          </Text>
        </WhenPicker>
      </View>

      <SectionTitle>督办考核</SectionTitle>
      <AsyncView state={nullAsLoading(figures)}>{(f) => <FiguresCard f={f} />}</AsyncView>
      {staff.profile && can(staff.profile, 'events.manage') ? (
        <View className="case-reports__export">
          <Button
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: '/staff/events/figures' })}
            data-testid="case-reports-event-figures"
          >
            活动统计（按社区、按月）
          </Button>
        </View>
      ) : null}

      <SectionTitle>四本台账</SectionTitle>
      <Tabs value={ledger} onChange={(v) => setLedger(v as Ledger)}>
        {(Object.keys(LEDGER_LABELS) as Ledger[]).map((k) => (
          <Tabs.TabPane key={k} value={k} title={LEDGER_LABELS[k]} />
        ))}
      </Tabs>
      <View className="case-reports__export">
        <Button
          fill="outline"
          loading={exporting}
          onClick={() => void exportLedger()}
          data-testid="case-reports-export"
        >
          导出「{LEDGER_LABELS[ledger]}」Excel
        </Button>
        {link ? (
          <Tappable
            className="case-reports__link"
            testId="case-reports-link"
            onTap={() => window.open(link.url, '_blank')}
            role="link"
          >
            下载 {link.name}（{link.rows} 条）
          </Tappable>
        ) : null}
      </View>
      <AsyncView
        state={nullAsLoading(list)}
        isEmpty={(d) => d.items.length === 0}
        empty={`这段时间没有归入“${LEDGER_LABELS[ledger]}”的诉求`}
      >
        {(d) => (
          <View data-testid="case-ledger-list">
            {d.items.map((c) => (
              <CaseCard
                key={c.id}
                item={c}
                reader="staff"
                onOpen={(id) => void Taro.navigateTo({ url: `/staff/cases/detail?id=${encodeURIComponent(id)}` })}
              />
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
