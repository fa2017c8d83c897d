import { View, Text, Input } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { EventDetail } from '../../../services/events'
import { Tappable } from '../../../components/tappable'

export interface SignUpAnswers {
  guests: number
  answers: { questionId: string; value: string }[]
  acceptTerms: boolean
}

/**
 * The sign-up form: the event's questions (text / choice / phone, prefilled phone from my
 * profile), "+1" guests where allowed, and the terms. The server checks every rule again.
 */
export function SignUpForm({
  event,
  phone,
  busy,
  onSubmit,
}: {
  event: EventDetail
  phone: string
  busy: boolean
  onSubmit(a: SignUpAnswers): void
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(event.questions.filter((q) => q.kind === 'phone').map((q) => [q.id, phone])),
  )
  const [guests, setGuests] = useState(0)
  const [accept, setAccept] = useState(false)
  const set = (id: string, v: string) => setValues((old) => ({ ...old, [id]: v }))
  const submit = () =>
    onSubmit({
      guests,
      acceptTerms: accept,
      answers: Object.entries(values).map(([questionId, value]) => ({ questionId, value: value.trim() })),
    })

  return (
    <View className="event-detail__card" data-testid="event-signup-form">
      {event.questions.map((q) => (
        <View key={q.id} className="event-detail__field">
          <Text className="event-detail__label">
            {q.label}
            {q.required ? ' *' : ''}
          </Text>
          {q.kind === 'choice' ? (
            <View className="event-detail__chips">
              {q.options.map((o) => (
                <Tappable
                  key={o}
                  className={`event-detail__chip ${values[q.id] === o ? 'event-detail__chip--on' : ''}`}
                  onTap={() => set(q.id, o)}
                  testId={`event-answer-${q.id}-${o}`}
                  pressed={values[q.id] === o}
                >
                  {o}
                </Tappable>
              ))}
            </View>
          ) : (
            <Input
              className="event-detail__input"
              type={q.kind === 'phone' ? 'number' : 'text'}
              maxlength={200}
              aria-label={q.label}
              value={values[q.id] ?? ''}
              onInput={(e) => set(q.id, e.detail.value)}
              data-testid={`event-answer-${q.id}`}
            />
          )}
        </View>
      ))}
      {event.guestsMax > 0 ? (
        <View className="event-detail__guests">
          <Text className="event-detail__label">同行人数（最多 {event.guestsMax} 人）</Text>
          <Button size="small" disabled={guests === 0} onClick={() => setGuests(guests - 1)}>
            －
          </Button>
          <Text className="event-detail__label" data-testid="event-guests">
            {guests}
          </Text>
          <Button size="small" disabled={guests >= event.guestsMax} onClick={() => setGuests(guests + 1)}>
            ＋
          </Button>
        </View>
      ) : null}
      {event.terms ? (
        <View className="event-detail__terms">
          <Text className="event-detail__text">活动须知：{event.terms}</Text>
          <Checkbox checked={accept} onChange={setAccept} label="我已阅读并同意" data-testid="event-terms" />
        </View>
      ) : null}
      <Button type="primary" block loading={busy} onClick={submit} data-testid="event-signup">
        {event.seats.full ? '报名候补' : '立即报名'}
      </Button>
    </View>
  )
}
