import { Input } from '@tarojs/components'
import { WEEKDAY_LABELS } from '../../../../types/events-labels'
import type { FormState } from '../form-state'
import { Chips, Field } from './fields'

/** 重复: a weekly (which weekday) or monthly (which day) rule, and how many occurrences. */
export function SeriesField({ form, set }: { form: FormState; set(patch: Partial<FormState>): void }) {
  return (
    <Field label="重复">
      <Chips
        options={[
          { key: 'weekly' as const, label: '每周' },
          { key: 'monthly' as const, label: '每月' },
        ]}
        value={form.series}
        onPick={(series) => set({ series })}
        testId="event-form-series"
      />
      {form.series === 'weekly' ? (
        <Chips
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ key: d, label: WEEKDAY_LABELS[d]! }))}
          value={form.weekday}
          onPick={(weekday) => set({ weekday })}
          testId="event-form-weekday"
        />
      ) : null}
      {form.series === 'monthly' ? (
        <Input
          className="event-form__input"
          type="number"
          value={form.day}
          placeholder="每月几号（1–28）"
          onInput={(e) => set({ day: e.detail.value })}
          data-testid="event-form-day"
        />
      ) : null}
      <Input
        className="event-form__input"
        type="number"
        value={form.count}
        placeholder="共几期"
        onInput={(e) => set({ count: e.detail.value })}
        data-testid="event-form-count"
      />
    </Field>
  )
}
