import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Checkbox, Tabs, Tag } from '@nutui/nutui-react-taro'
import { ADDRESS_STATUS_LABELS, PLACE_LIMITS, type AddressStatus } from '../../../types/places-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { formatTime } from '../../lib/dayjs'
import { confirm, toast, toastError } from '../../lib/feedback'
import { placesService } from '../../services/places'
import { CommunityPicker, useUnitChoice } from '../community-picker'
import { residentScopes } from '../reviewer-communities'
import { useResidentPages } from './use-resident-pages'
import { Tappable } from '../../components/tappable'
import './places.scss'

/** 全选 takes as many as one confirmation may hold. */
const allowed = (items: readonly { ref: string }[]) => items.slice(0, PLACE_LIMITS.confirmMax).map((r) => r.ref)

/**
 * 住户: the self-declared addresses within a unit — community staff confirm them in bulk, a
 * 网格员 reads their grid's.
 */
export default function ResidentsPage() {
  const choice = useUnitChoice('residents.view', residentScopes)
  const { communities, communityId: unitId, current } = choice
  const confirmable = current?.confirmable === true
  const [status, setStatus] = useState<AddressStatus>('pending')
  const [chosen, setChosen] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const { first: list, items, total, hasMore, loadMore, loadingMore } = useResidentPages(unitId, status)
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]))

  const confirmChosen = async () => {
    if (!unitId || chosen.length === 0) return
    const ok = await confirm({
      title: '确认住址',
      content: `确认所选 ${chosen.length} 位居民的住址？确认后会通知他们。`,
      confirmText: '确认',
    })
    if (!ok) return
    setBusy(true)
    try {
      const { confirmed } = await placesService.confirmResidents({ communityId: unitId, refs: chosen })
      toast(`已确认 ${confirmed} 位`, 'success')
      setChosen([])
      await list.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell testId="staff-residents-page">
      <CommunityPicker
        choice={choice}
        title={communities.some((c) => !c.confirmable) ? '范围' : '社区'}
        testId="staff-residents-community"
      />
      <Tabs
        value={status}
        onChange={(v) => {
          setStatus(v as AddressStatus)
          setChosen([])
        }}
      >
        <Tabs.TabPane value="pending" title="待确认" />
        <Tabs.TabPane value="confirmed" title="已确认" />
      </Tabs>
      <AsyncView
        state={list}
        isEmpty={(d) => d.items.length === 0}
        empty={status === 'pending' ? '没有待确认的住址' : '还没有确认过的住址'}
        emptyTestId="staff-residents-empty"
      >
        {() => (
          <>
            <View className="staff-places__bar">
              <Text className="staff-places__line" data-testid="residents-total">{`共 ${total} 位`}</Text>
            </View>
            {status === 'pending' && confirmable ? (
              <View className="staff-places__bar">
                <Checkbox
                  checked={chosen.length === Math.min(items.length, PLACE_LIMITS.confirmMax)}
                  onChange={(on) => setChosen(on ? allowed(items) : [])}
                  data-testid="residents-all"
                >
                  全选
                </Checkbox>
                <Button
                  type="primary"
                  size="small"
                  disabled={chosen.length === 0}
                  loading={busy}
                  onClick={() => void confirmChosen()}
                  data-testid="residents-confirm"
                >
                  {`确认所选（${chosen.length}）`}
                </Button>
              </View>
            ) : null}
            {items.map((r) => (
              <Tappable
                key={r.ref}
                className="staff-places__card"
                testId={`resident-${r.ref}`}
                disabled={!(status === 'pending' && confirmable)}
                pressed={status === 'pending' && confirmable ? chosen.includes(r.ref) : undefined}
                onTap={() => toggle(r.ref)}
              >
                <View className="staff-places__head">
                  {status === 'pending' && confirmable ? <Checkbox checked={chosen.includes(r.ref)} /> : null}
                  <Text className="staff-places__name">{r.name}</Text>
                  {r.partyMember ? <Tag type="danger">党员</Tag> : null}
                  <Tag type={r.status === 'confirmed' ? 'success' : 'warning'}>{ADDRESS_STATUS_LABELS[r.status]}</Tag>
                </View>
                <Text className="staff-places__line">{`${r.estateName} ${r.buildingLabel} ${r.room}`}</Text>
                <Text className="staff-places__line">{`电话 ${r.phone || '未填写'} · 登记于 ${formatTime(r.declaredAt)}`}</Text>
              </Tappable>
            ))}
            {hasMore ? (
              <Button
                block
                fill="outline"
                loading={loadingMore}
                onClick={() => void loadMore()}
                data-testid="residents-more"
              >
                加载更多
              </Button>
            ) : null}
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
