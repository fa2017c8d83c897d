import { Text, View } from '@tarojs/components'
import type { NoticeReach } from '../../../services/notices'
import { Tappable } from '../../../components/tappable'
import './reach-table.scss'

const COLUMNS = [
  ['recipients', '应收'],
  ['read', '已读'],
  ['acknowledged', '已确认'],
  ['followedUp', '另行告知'],
  ['notReached', '未触达'],
  ['pushed', '已推送'],
  ['noPermission', '未授权'],
] as const

/**
 * 触达情况: the whole notice, then each grid (or 楼栋): who got it, read it, confirmed it, was
 * reached another way. Tapping a unit's row opens that unit: its 楼栋 and its people not reached.
 */
export function ReachTable({ reach, onOpenUnit }: { reach: NoticeReach; onOpenUnit(unitId: string): void }) {
  const rows = [{ unitId: 'total', unitName: '合计', ...reach.total }, ...reach.byUnit]
  return (
    <View className="reach-table" data-testid="notice-reach">
      {reach.fanoutDone ? null : <Text className="reach-table__note">正在发送中，人数还在增加…</Text>}
      <View className="reach-table__row reach-table__row--head">
        <Text className="reach-table__unit">单位</Text>
        {COLUMNS.map(([, label]) => (
          <Text key={label} className="reach-table__cell">
            {label}
          </Text>
        ))}
      </View>
      {rows.map((r) => (
        <Tappable
          key={r.unitId}
          className="reach-table__row"
          testId={`reach-row-${r.unitId}`}
          disabled={r.unitId === 'total'}
          onTap={() => onOpenUnit(r.unitId)}
        >
          <Text className={`reach-table__unit ${r.unitId === 'total' ? '' : 'reach-table__unit--link'}`}>
            {r.unitName}
          </Text>
          {COLUMNS.map(([key]) => (
            <Text key={key} className="reach-table__cell" data-testid={`reach-${r.unitId}-${key}`}>
              {r[key]}
            </Text>
          ))}
        </Tappable>
      ))}
      <Text className="reach-table__note">“未授权”：居民没有允许消息提醒，只能在小程序里看到；请电话或上门告知。</Text>
    </View>
  )
}
