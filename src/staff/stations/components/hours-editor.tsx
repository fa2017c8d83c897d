import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Interval, Weekday } from '../../../../types/stations'
import { WEEK } from '../../../pages/stations/format'
import { Tappable } from '../../../components/tappable'
import { WhenPicker } from '../../../components/when-picker'

export type HoursForm = Record<Weekday, Interval[]>

const WORKDAYS: Weekday[] = ['tue', 'wed', 'thu', 'fri']

/**
 * Weekly hours, a row per day with its opening periods. A closing time earlier than the
 * opening time means "closes after midnight"; the server checks overlaps and says which days.
 */
export function HoursEditor({ value, onChange }: { value: HoursForm; onChange(next: HoursForm): void }) {
  const setDay = (day: Weekday, intervals: Interval[]) => onChange({ ...value, [day]: intervals })
  const setTime = (day: Weekday, index: number, field: keyof Interval, time: string) =>
    setDay(
      day,
      value[day].map((i, n) => (n === index ? { ...i, [field]: time } : i)),
    )
  const copyMondayToWorkdays = () =>
    onChange({ ...value, ...Object.fromEntries(WORKDAYS.map((d) => [d, value.mon.map((i) => ({ ...i }))])) })

  return (
    <View className="hours-editor" data-testid="hours-editor">
      {WEEK.map(({ key, label }) => (
        <View key={key} className="hours-editor__day">
          <Text className="hours-editor__label">{label}</Text>
          <View className="hours-editor__intervals">
            {value[key].length === 0 ? <Text className="hours-editor__rest">休息</Text> : null}
            {value[key].map((interval, index) => (
              <View key={index} className="hours-editor__interval">
                <WhenPicker
                  mode="time"
                  value={interval.open}
                  onChange={(time) => setTime(key, index, 'open', time)}
                  label={`${label}开门时间`}
                >
                  <Text className="hours-editor__time">{interval.open}</Text>
                </WhenPicker>
                <Text>至</Text>
                <WhenPicker
                  mode="time"
                  value={interval.close === '24:00' ? '23:59' : interval.close}
                  onChange={(time) => setTime(key, index, 'close', time)}
                  label={`${label}关门时间`}
                >
                  <Text className="hours-editor__time">{interval.close}</Text>
                </WhenPicker>
                <Tappable
                  className="hours-editor__remove"
                  onTap={() =>
                    setDay(
                      key,
                      value[key].filter((_, n) => n !== index),
                    )
                  }
                >
                  删除
                </Tappable>
              </View>
            ))}
            {value[key].length < 4 ? (
              <Tappable
                className="hours-editor__add"
                label={`${label}添加时段`}
                onTap={() =>
                  setDay(key, [
                    ...value[key],
                    value[key].length === 0 ? { open: '08:00', close: '18:00' } : { open: '14:00', close: '18:00' },
                  ])
                }
              >
                ＋ 添加时段
              </Tappable>
            ) : null}
          </View>
        </View>
      ))}
      <Button fill="outline" onClick={copyMondayToWorkdays}>
        周二到周五与周一相同
      </Button>
    </View>
  )
}
