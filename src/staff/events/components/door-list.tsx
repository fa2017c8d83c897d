import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { CHECK_IN_WAY_LABELS } from '../../../../types/events-attendance-labels'
import { hm, hoursLabel } from '../../../pages/events/checkin-format'
import type { Attendance, Attendee } from '../../../services/events-attendance'

export type DoorAction = 'checkIn' | 'checkOut' | 'reverse'

const STATUS = { expected: '未签到', present: '已签到', absent: '缺席' } as const

function Row({
  a,
  serves,
  closed,
  act,
}: {
  a: Attendee
  serves: boolean
  closed: boolean
  act(what: DoorAction): void
}) {
  return (
    <View className="door__row" data-testid="door-row">
      <View className="door__who">
        <Text className="door__name">
          {a.name}
          {a.phoneTail ? ` 尾号${a.phoneTail}` : ''}
        </Text>
        <Text className="door__meta">
          {a.registered ? '' : '现场补登 · '}
          {a.checkedInAt ? `${hm(a.checkedInAt)} ${a.way ? CHECK_IN_WAY_LABELS[a.way] : ''}` : ''}
          {a.checkOutAt ? ` · ${hm(a.checkOutAt)} 签退` : ''}
          {a.hours !== null ? ` · ${hoursLabel(a.hours)}` : ''}
          {a.reversal ? ` · 时长已撤销：${a.reversal.reason}` : ''}
        </Text>
      </View>
      <View className="door__side">
        <Tag type={a.status === 'present' ? 'success' : a.status === 'absent' ? 'default' : 'warning'} plain>
          {STATUS[a.status]}
        </Tag>
        {a.status === 'expected' && !closed ? (
          <Button size="small" type="primary" onClick={() => act('checkIn')} data-testid="door-check-in">
            签到
          </Button>
        ) : null}
        {serves && a.status === 'present' && !a.checkOutAt && !closed ? (
          <Button size="small" fill="outline" onClick={() => act('checkOut')} data-testid="door-check-out">
            签退
          </Button>
        ) : null}
        {a.hours !== null && !a.reversal ? (
          <Button size="small" fill="outline" onClick={() => act('reverse')} data-testid="door-reverse">
            撤销时长
          </Button>
        ) : null}
      </View>
    </View>
  )
}

/** The list at the door: who is expected, who is in, and what may be done for each. */
export function DoorList({ data, act }: { data: Attendance; act(a: Attendee, what: DoorAction): void }) {
  return (
    <View data-testid="door-list">
      {data.items.map((a) => (
        <Row key={a.id} a={a} serves={data.servesHours} closed={data.closedAt !== null} act={(w) => act(a, w)} />
      ))}
    </View>
  )
}
