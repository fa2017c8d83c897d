import { Text, View } from '@tarojs/components'
import { WHEN_DEFAULT_HOURS, WHEN_FIELDS, WHEN_LABELS, wallTimeAhead, type WallTime, type WhenField } from '../when'
import { Tappable } from '../../../components/tappable'
import { WhenPicker } from '../../../components/when-picker'

type Times = Record<WhenField, WallTime | null>

function WhenRow({
  field,
  value,
  onChange,
}: {
  field: WhenField
  value: WallTime | null
  onChange(v: WallTime | null): void
}) {
  const { label, off } = WHEN_LABELS[field]
  return (
    <View className="notice-compose__line" data-testid={`notice-when-${field}`}>
      <Text className="notice-compose__item-text">{label}</Text>
      {value ? (
        <View className="notice-compose__line">
          <WhenPicker
            mode="date"
            value={value.date}
            onChange={(date) => onChange({ ...value, date })}
            label={`${label}（日期）`}
          >
            <Text className="notice-compose__pick">{value.date}</Text>
          </WhenPicker>
          <WhenPicker
            mode="time"
            value={value.time}
            onChange={(time) => onChange({ ...value, time })}
            label={`${label}（时间）`}
          >
            <Text className="notice-compose__pick">{value.time}</Text>
          </WhenPicker>
          <Tappable className="notice-compose__link" onTap={() => onChange(null)} testId={`notice-when-${field}-off`}>
            取消
          </Tappable>
        </View>
      ) : (
        <View className="notice-compose__line">
          <Text className="notice-compose__meta">{off}</Text>
          <Tappable
            className="notice-compose__link"
            onTap={() => onChange(wallTimeAhead(new Date(), WHEN_DEFAULT_HOURS[field]))}
            testId={`notice-when-${field}-on`}
          >
            设置
          </Tappable>
        </View>
      )}
    </View>
  )
}

/**
 * 时间: a schedule, pinning, expiry and (when acknowledgement is asked) its deadline, each
 * off until set. The function refuses a schedule in the past or anything ending before
 * publication, in words that say which.
 */
export function WhenFields({
  times,
  ackRequired,
  onChange,
}: {
  times: Times
  ackRequired: boolean
  onChange(field: WhenField, v: WallTime | null): void
}) {
  return (
    <View className="notice-compose__list">
      {WHEN_FIELDS.filter((f) => f !== 'ackDeadline' || ackRequired).map((f) => (
        <WhenRow key={f} field={f} value={times[f]} onChange={(v) => onChange(f, v)} />
      ))}
    </View>
  )
}
