import { View, Text } from '@tarojs/components'
import { EmptyState } from '../../../components/empty-state'
import { Tappable } from '../../../components/tappable'
import { formatTime } from '../../../lib/dayjs'
import type { Ledger } from '../../../services/wishes'

/** 服务记录: a volunteer's credited hours and points, one entry per confirmed wish (styles: mine.scss). */
export function VolunteerLedger({ ledger, onOpen }: { ledger: Ledger; onOpen(wishId: string): void }) {
  return (
    <View data-testid="wishes-ledger">
      <View className="mine__totals">
        <Text className="mine__total">累计服务 {ledger.totalHours} 小时</Text>
        <Text className="mine__total">积分 {ledger.totalPoints}</Text>
      </View>
      {ledger.items.length === 0 ? <EmptyState description="完成并经心愿人确认的心愿会记在这里" /> : null}
      {ledger.items.map((e) => (
        <Tappable key={e.id} className="mine__entry" onTap={() => onOpen(e.wishId)} role="link">
          <Text>{e.wishText}</Text>
          <Text className="mine__entry-meta">
            {formatTime(e.creditedAt)} · {e.hours} 小时 · {e.points} 积分
          </Text>
        </Tappable>
      ))}
    </View>
  )
}
