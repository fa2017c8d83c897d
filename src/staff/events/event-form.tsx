import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { AUDIENCE_LABELS, EVENT_KINDS, type AudienceKind } from '../../../types/events-labels'
import { Tappable } from '../../components/tappable'
import { WhenPicker } from '../../components/when-picker'
import { Chips, Field } from './components/fields'
import { MoreSettings } from './components/more-settings'
import { PlacesField } from './components/places-field'
import { QuestionEditor } from './components/question-editor'
import { SeriesField } from './components/series-field'
import type { FormState } from './form-state'

export type { FormState } from './form-state'

const AUDIENCES: AudienceKind[] = ['community', 'everyone', 'places', 'party_members', 'volunteers']

/** The event form: kind, title, when (one date, or a weekly/monthly rule), where, seats, who may join, what to ask. */
export function EventForm({
  form,
  set,
  allowSeries,
  unitId,
}: {
  form: FormState
  set(patch: Partial<FormState>): void
  allowSeries: boolean
  unitId: string | null
}) {
  const [more, setMore] = useState(false)
  return (
    <View className="event-form">
      <Field label="活动类型">
        <Chips
          options={EVENT_KINDS.map((k) => ({ key: k.key, label: k.label }))}
          value={form.kind}
          onPick={(kind) => set({ kind })}
          testId="event-form-kind"
        />
      </Field>
      <Field label="活动名称">
        <Input
          className="event-form__input"
          value={form.title}
          maxlength={40}
          placeholder="如：板凳会·停车难怎么办"
          onInput={(e) => set({ title: e.detail.value })}
          data-testid="event-form-title"
        />
      </Field>
      {allowSeries ? <SeriesField form={form} set={set} /> : null}
      <Field label={form.series === 'none' ? '日期' : '从哪天起'}>
        <WhenPicker mode="date" value={form.date} onChange={(date) => set({ date })} label="活动日期">
          <Text className="event-form__input" data-testid="event-form-date">
            {form.date || '请选择日期'}
          </Text>
        </WhenPicker>
      </Field>
      <Field label="时间">
        <View className="event-form__row">
          <WhenPicker mode="time" value={form.startTime} onChange={(startTime) => set({ startTime })} label="开始时间">
            <Text className="event-form__input">{form.startTime}</Text>
          </WhenPicker>
          <Text>至</Text>
          <WhenPicker mode="time" value={form.endTime} onChange={(endTime) => set({ endTime })} label="结束时间">
            <Text className="event-form__input">{form.endTime}</Text>
          </WhenPicker>
        </View>
      </Field>
      <Field label="地点">
        <Input
          className="event-form__input"
          value={form.placeName}
          maxlength={60}
          placeholder="如：社区党群服务中心"
          onInput={(e) => set({ placeName: e.detail.value })}
          data-testid="event-form-place"
        />
        <Input
          className="event-form__input"
          value={form.address}
          maxlength={100}
          placeholder="详细地址（选填）"
          onInput={(e) => set({ address: e.detail.value })}
        />
      </Field>
      <Field label="名额（0 为不限）">
        <Input
          className="event-form__input"
          type="number"
          aria-label="名额"
          value={form.capacity}
          onInput={(e) => set({ capacity: e.detail.value })}
          data-testid="event-form-capacity"
        />
      </Field>
      <Field label="面向">
        <Chips
          options={AUDIENCES.map((a) => ({ key: a, label: AUDIENCE_LABELS[a] }))}
          value={form.audience}
          onPick={(audience) => set({ audience })}
          testId="event-form-audience"
        />
        {form.audience === 'places' && unitId ? (
          <PlacesField unitId={unitId} chosen={form.placeIds} onChange={(placeIds) => set({ placeIds })} />
        ) : null}
      </Field>
      <Field label="报名时填写">
        <QuestionEditor questions={form.questions} onChange={(questions) => set({ questions })} />
      </Field>
      <Field label="联系电话">
        <Input
          className="event-form__input"
          value={form.organiserPhone}
          maxlength={20}
          placeholder="居民有事可打（选填）"
          onInput={(e) => set({ organiserPhone: e.detail.value })}
        />
      </Field>
      {more ? (
        <MoreSettings form={form} set={set} series={form.series !== 'none'} />
      ) : (
        <Tappable className="event-form__link" onTap={() => setMore(true)} testId="event-form-more-open">
          更多设置：预留名额、同行、审核、报名时间、提醒、须知 ›
        </Tappable>
      )}
      <Field label="活动介绍">
        <Input
          className="event-form__input"
          value={form.description}
          maxlength={2000}
          placeholder="内容、须知（选填）"
          onInput={(e) => set({ description: e.detail.value })}
        />
      </Field>
    </View>
  )
}
