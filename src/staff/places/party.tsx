import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs } from '@nutui/nutui-react-taro'
import type { PartyReportStatus } from '../../../types/places-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useRowAction } from '../../hooks/use-row-action'
import { formatTime } from '../../lib/dayjs'
import { confirm } from '../../lib/feedback'
import { placesService, type PartyReport } from '../../services/places'
import { CommunityPicker, useReviewerCommunity } from '../community-picker'
import './places.scss'

/** 双报到核实: verify in-service party members who reported to the community. */
export default function PartyVerifyPage() {
  const choice = useReviewerCommunity('partyMembers.verify')
  const { communityId } = choice
  const [status, setStatus] = useState<PartyReportStatus>('pending')
  const list = useAsync(
    () => (communityId ? placesService.partyReports({ communityId, status }) : Promise.resolve({ items: [] })),
    [communityId, status],
  )
  const { acting, act } = useRowAction(list.reload)
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const decide = async (r: PartyReport, decision: 'verify' | 'reject') => {
    const ok = await confirm(
      decision === 'verify'
        ? {
            title: '核实通过',
            content: `确认 ${r.name} 是在职党员？通过后“党员”会记在其名下，并通知本人。`,
            confirmText: '通过',
          }
        : { title: '未通过核实', content: `确定不通过 ${r.name} 的报到？本人会收到通知。`, confirmText: '不通过' },
    )
    if (!ok) return
    await act(
      r.ref,
      () => placesService.verifyParty({ ref: r.ref, decision }),
      decision === 'verify' ? '已核实' : '已处理',
    )
  }

  return (
    <PageShell testId="staff-party-page">
      <CommunityPicker choice={choice} testId="staff-party-community" />
      <Tabs value={status} onChange={(v) => setStatus(v as PartyReportStatus)}>
        <Tabs.TabPane value="pending" title="待核实" />
        <Tabs.TabPane value="verified" title="已核实" />
        <Tabs.TabPane value="rejected" title="未通过" />
      </Tabs>
      <AsyncView
        state={list}
        isEmpty={(d) => d.items.length === 0}
        empty={status === 'pending' ? '没有待核实的报到' : '暂时没有记录'}
        emptyTestId="staff-party-empty"
      >
        {(d) =>
          d.items.map((r) => (
            <View key={r.ref} className="staff-places__card" data-testid={`party-${r.ref}`}>
              <Text className="staff-places__name">{r.name}</Text>
              <Text className="staff-places__line">{`${r.workUnit} · ${r.partyOrg}`}</Text>
              <Text className="staff-places__line">{`电话 ${r.phone || '未填写'} · 报到于 ${formatTime(r.reportedAt)}`}</Text>
              {r.skills.length > 0 ? (
                <Text className="staff-places__line">{`特长：${r.skills.join('、')}`}</Text>
              ) : null}
              {r.status === 'pending' ? (
                <View className="staff-places__actions">
                  <Button
                    size="small"
                    fill="outline"
                    disabled={acting === r.ref}
                    onClick={() => void decide(r, 'reject')}
                  >
                    不通过
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    loading={acting === r.ref}
                    onClick={() => void decide(r, 'verify')}
                    data-testid={`party-verify-${r.ref}`}
                  >
                    核实通过
                  </Button>
                </View>
              ) : null}
            </View>
          ))
        }
      </AsyncView>
    </PageShell>
  )
}
