import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { NOTICE_STATUS_LABELS } from '../../../types/notices-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { formatTime } from '../../lib/dayjs'
import { noticesService } from '../../services/notices'
import { UnitPicker } from '../cases/unit-picker'
import { senderUnits } from './units'
import { Tappable } from '../../components/tappable'
import './index.scss'

/** 社区通知（工作台）: the notices of my unit and those sent to it, newest first; 写通知. */
export default function StaffNoticesPage() {
  const { profile } = useMe()
  const units = useMemo(() => (profile ? senderUnits(profile) : []), [profile])
  const [unitId, setUnitId] = useState<string | null>(null)
  useEffect(() => {
    if (!unitId && units[0]) setUnitId(units[0].id)
  }, [units, unitId])
  const list = useAsync(
    () => (unitId ? noticesService.staffList({ unitId }) : Promise.resolve({ items: [] })),
    [unitId],
  )
  useDidShow(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const go = (url: string) => void Taro.navigateTo({ url })
  const q = (id: string) => encodeURIComponent(id)

  return (
    <PageShell testId="staff-notices-page" className="staff-notices">
      <UnitPicker choice={{ units, unit: units.find((u) => u.id === unitId) ?? null, loading: !profile, setUnitId }} />
      <View className="staff-notices__new">
        <Button
          block
          type="primary"
          size="large"
          disabled={!unitId}
          onClick={() => unitId && go(`/staff/notices/compose?unitId=${q(unitId)}`)}
          data-testid="staff-notices-new"
        >
          写通知
        </Button>
      </View>
      <AsyncView
        state={list}
        isEmpty={(d) => d.items.length === 0}
        empty="本单位还没有通知"
        emptyTestId="staff-notices-empty"
      >
        {(d) => (
          <View data-testid="staff-notices-list">
            {d.items.map((n) => (
              <Tappable
                key={n.id}
                className="staff-notices__item"
                testId={`staff-notice-${n.id}`}
                onTap={() => unitId && go(`/staff/notices/detail?id=${q(n.id)}&unitId=${q(unitId)}`)}
                role="link"
              >
                <View className="staff-notices__head">
                  <Tag type={n.status === 'published' ? 'success' : n.status === 'withdrawn' ? 'default' : 'warning'}>
                    {NOTICE_STATUS_LABELS[n.status]}
                  </Tag>
                  {n.priority === 'urgent' ? <Tag type="danger">紧急</Tag> : null}
                </View>
                <Text className="staff-notices__title">{n.title}</Text>
                <Text className="staff-notices__meta">
                  {n.unitName} → {n.audience.unitNames.join('、')} · {formatTime(n.createdAt)}
                  {n.recipientCount !== null ? ` · ${n.recipientCount} 人` : ''}
                </Text>
              </Tappable>
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
