import { View, Text, Input } from '@tarojs/components'
import { Checkbox } from '@nutui/nutui-react-taro'
import { Tappable } from '../../../components/tappable'
import { WhenPicker } from '../../../components/when-picker'
import { EVENT_LIMITS } from '../../../../types/events-labels'
import type { FormState } from '../form-state'
import { Field as Row } from './fields'

const REMINDER_CHOICES = [72, 24, 2, 1] as const

/** A Shanghai wall-clock time `YYYY-MM-DD HH:mm` from a date and a time picker; 不设 clears it. */
export function DateTimeField({
  value,
  onChange,
  unset,
  testId,
}: {
  value: string
  onChange(v: string): void
  unset: string
  testId: string
}) {
  const [date, time] = value ? value.split(' ') : ['', '']
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)
  return (
    <View className="event-form__row" data-testid={testId}>
      <WhenPicker
        mode="date"
        value={date || tomorrow}
        onChange={(d) => onChange(`${d} ${time || '09:00'}`)}
        label={unset}
      >
        <Text className="event-form__input">{date || unset}</Text>
      </WhenPicker>
      {value ? (
        <WhenPicker
          mode="time"
          value={time || '09:00'}
          onChange={(t) => onChange(`${date} ${t}`)}
          label={`${unset}（时间）`}
        >
          <Text className="event-form__input">{time}</Text>
        </WhenPicker>
      ) : null}
      {value ? (
        <Tappable className="event-form__link" onTap={() => onChange('')} label="清除这个时间">
          不设
        </Tappable>
      ) : null}
    </View>
  )
}

/** 更多设置: seats kept for 代报名, guests, approval, the sign-up window and cancellation deadline (one event only), terms, reminders. */
export function MoreSettings({
  form,
  set,
  series,
}: {
  form: FormState
  set(patch: Partial<FormState>): void
  series: boolean
}) {
  const toggleReminder = (h: number) =>
    set({
      reminderHours: form.reminderHours.includes(h)
        ? form.reminderHours.filter((x) => x !== h)
        : [...form.reminderHours, h].sort((a, b) => b - a).slice(0, EVENT_LIMITS.remindersMax),
    })
  return (
    <View className="event-form__more" data-testid="event-form-more">
      <Row label="预留名额（留给代报名，不在线上放出）">
        <Input
          className="event-form__input"
          type="number"
          aria-label="预留名额"
          value={form.reservedSeats}
          onInput={(e) => set({ reservedSeats: e.detail.value })}
          data-testid="event-form-reserved"
        />
      </Row>
      <Row label={`每人可带同行人数（0 为不可带，最多 ${EVENT_LIMITS.guestsMax}）`}>
        <Input
          className="event-form__input"
          type="number"
          aria-label="每人可带同行人数"
          value={form.guestsMax}
          onInput={(e) => set({ guestsMax: e.detail.value })}
          data-testid="event-form-guests"
        />
      </Row>
      <Checkbox
        checked={form.approvalRequired}
        onChange={(approvalRequired) => set({ approvalRequired })}
        label="报名需审核（审核前先占名额）"
      />
      {series ? null : (
        <>
          <Row label="报名开始">
            <DateTimeField
              value={form.signUpOpensAt}
              onChange={(signUpOpensAt) => set({ signUpOpensAt })}
              unset="发布即可报名"
              testId="event-form-opens"
            />
          </Row>
          <Row label="报名截止">
            <DateTimeField
              value={form.signUpClosesAt}
              onChange={(signUpClosesAt) => set({ signUpClosesAt })}
              unset="活动开始时截止"
              testId="event-form-closes"
            />
          </Row>
          <Row label="取消截止（之后请居民联系社区）">
            <DateTimeField
              value={form.cancelDeadline}
              onChange={(cancelDeadline) => set({ cancelDeadline })}
              unset="活动开始前都可取消"
              testId="event-form-cancel-deadline"
            />
          </Row>
        </>
      )}
      <Row label={`活动前提醒（最多 ${EVENT_LIMITS.remindersMax} 次，只发给已报名的居民）`}>
        <View className="event-form__chips">
          {REMINDER_CHOICES.map((h) => (
            <Tappable
              key={h}
              className={`event-form__chip ${form.reminderHours.includes(h) ? 'event-form__chip--on' : ''}`}
              onTap={() => toggleReminder(h)}
              testId={`event-form-reminder-${h}`}
              pressed={form.reminderHours.includes(h)}
            >
              提前 {h} 小时
            </Tappable>
          ))}
        </View>
      </Row>
      <Row label="报名须知（居民报名时需勾选同意，选填）">
        <Input
          className="event-form__input"
          value={form.terms}
          maxlength={EVENT_LIMITS.termsMax}
          placeholder="如：请自带水杯，活动全程拍照"
          onInput={(e) => set({ terms: e.detail.value })}
          data-testid="event-form-terms"
        />
      </Row>
    </View>
  )
}
