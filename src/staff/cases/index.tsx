import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import { AsyncView, nullAsLoading } from '../../components/async-view'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { can } from '../../lib/roles'
import { casesService, type InboxBox } from '../../services/cases'
import { CaseCard } from '../../pages/cases/components/case-card'
import { UnitPicker } from './unit-picker'
import { useStaffUnit } from './use-staff-unit'
import './index.scss'

const BOXES: { box: InboxBox; title: string; empty: string }[] = [
  { box: 'to_sign', title: '待签收', empty: '没有待签收的诉求' },
  { box: 'processing', title: '办理中', empty: '没有正在办理的诉求' },
  { box: 'overdue', title: '已超期', empty: '没有超期的诉求' },
  { box: 'returned', title: '已退单', empty: '没有退回待分派的诉求' },
  { box: 'revisit', title: '待回访', empty: '没有到期待回访的诉求' },
  { box: 'resolved', title: '待评价', empty: '没有等待评价的诉求' },
  { box: 'extension', title: '延期待审核', empty: '没有等待审核的延期申请' },
]

/**
 * 诉求办理 (staff subpackage): one unit's work as boxes with counts — to sign, in hand,
 * overdue, returned, due for a revisit, waiting for a rating — most urgent first.
 */
export default function StaffCasesPage() {
  const staff = useStaffUnit()
  // 延期待审核 is the supervisors' (the server counts 0 and refuses the box for anyone else).
  const boxes = BOXES.filter((b) => b.box !== 'extension' || can(staff.profile, 'cases.supervise'))
  const asked = Taro.getCurrentInstance().router?.params.box
  const [box, setBox] = useState<InboxBox>(BOXES.find((b) => b.box === asked)?.box ?? 'to_sign')
  const unitId = staff.unit?.id
  const inbox = useAsync(
    () => (unitId ? casesService.inbox({ unitId, box, pageSize: 50 }) : Promise.resolve(null)),
    [unitId, box],
  )
  useDidShow(() => {
    void inbox.reload()
  })
  usePullDownRefresh(() => {
    void inbox.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const counts = inbox.data?.counts
  const open = (id: string) => void Taro.navigateTo({ url: `/staff/cases/detail?id=${encodeURIComponent(id)}` })

  return (
    <PageShell testId="staff-cases-page" className="staff-cases">
      <UnitPicker choice={staff} />
      <View className="staff-cases__links">
        <Button
          fill="outline"
          size="small"
          onClick={() =>
            void Taro.navigateTo({
              url: `/staff/cases/reports${unitId ? `?unitId=${encodeURIComponent(unitId)}` : ''}`,
            })
          }
          data-testid="staff-cases-reports"
        >
          台账与考核
        </Button>
      </View>
      <Tabs value={box} onChange={(v) => setBox(v as InboxBox)}>
        {boxes.map((b) => (
          <Tabs.TabPane key={b.box} value={b.box} title={counts ? `${b.title} ${counts[b.box]}` : b.title} />
        ))}
      </Tabs>
      {!unitId && !staff.loading ? (
        <EmptyState description="您没有办理诉求的岗位" />
      ) : (
        <AsyncView
          state={nullAsLoading(inbox)}
          isEmpty={(d) => d.items.length === 0}
          empty={BOXES.find((b) => b.box === box)!.empty}
          emptyTestId="staff-cases-empty"
        >
          {(d) => (
            <View data-testid="staff-cases-list">
              {d.items.map((c) => (
                <CaseCard key={c.id} item={c} onOpen={open} reader="staff" />
              ))}
            </View>
          )}
        </AsyncView>
      )}
    </PageShell>
  )
}
