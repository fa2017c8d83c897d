import { View, Text, Input, Textarea } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { CASE_LIMITS, DISPOSITION_LABELS, LEDGER_LABELS, SATISFACTION_LABELS } from '../../../pages/cases/format'
import type { StaffAction, StaffForm } from '../actions'
import { Tappable } from '../../../components/tappable'

const PROMPTS: Record<StaffAction, string> = {
  sign: '',
  addNote: '办理进展（诉求人会收到通知，除非选择仅内部可见）',
  transfer: '转办原因，如：属于供水管网问题，请供水公司处理',
  returnCase: '退单原因（诉求人和派单单位能看到）',
  requestExtension: '延期原因，如：需要等待维修配件',
  reviewExtension: '审核意见（选填）',
  supervise: '督办意见，如：请于明日下班前办结并回复',
  resolve: '给诉求人的答复：做了什么、结果如何（诉求人能看到）',
  markDuplicate: '',
  recordRevisit: '诉求人说了什么（选填）',
}

/** Chips for a small closed choice (disposition, ledger, rating…). */
function Choice<T extends string>({
  options,
  value,
  onChange,
  testId,
}: {
  options: Record<T, string>
  value: T | null
  onChange(v: T): void
  testId: string
}) {
  return (
    <View className="staff-case__chips">
      {(Object.keys(options) as T[]).map((k) => (
        <Tappable
          key={k}
          className={`staff-case__chip ${value === k ? 'staff-case__chip--on' : ''}`}
          testId={`${testId}-${k}`}
          onTap={() => onChange(k)}
          pressed={value === k}
        >
          {options[k]}
        </Tappable>
      ))}
    </View>
  )
}

export interface ActionFieldsProps {
  action: StaffAction
  form: StaffForm
  set(patch: Partial<StaffForm>): void
  /** Units a case may be transferred to, matching the typed keyword. */
  targets: { id: string; name: string }[]
}

/** The fields each staff action asks for, inside the ActionBar's form (styles: detail.scss). */
export function ActionFields({ action, form, set, targets }: ActionFieldsProps) {
  return (
    <>
      {action === 'transfer' ? (
        <>
          <Input
            className="staff-case__input"
            value={form.unitKeyword}
            placeholder="输入单位名称查找，如：住建"
            onInput={(e) => set({ unitKeyword: e.detail.value, toUnitId: null })}
            data-testid="staff-transfer-search"
          />
          <View className="staff-case__units">
            {targets.map((u) => (
              <Tappable
                key={u.id}
                className={`staff-case__chip ${form.toUnitId === u.id ? 'staff-case__chip--on' : ''}`}
                onTap={() => set({ toUnitId: u.id })}
                testId={`staff-transfer-unit-${u.id}`}
                pressed={form.toUnitId === u.id}
              >
                {u.name}
              </Tappable>
            ))}
          </View>
        </>
      ) : null}
      {action === 'requestExtension' ? (
        <Input
          className="staff-case__input"
          type="number"
          value={form.days}
          placeholder="延期天数（1–30）"
          onInput={(e) => set({ days: e.detail.value })}
          data-testid="staff-extension-days"
        />
      ) : null}
      {action === 'reviewExtension' ? (
        <Choice
          options={{ yes: '同意延期', no: '不同意' }}
          value={form.approve ? 'yes' : 'no'}
          onChange={(v) => set({ approve: v === 'yes' })}
          testId="staff-review"
        />
      ) : null}
      {action === 'resolve' ? (
        <>
          <Text className="staff-case__meta">办理方式</Text>
          <Choice
            options={DISPOSITION_LABELS}
            value={form.disposition}
            onChange={(v) => set({ disposition: v })}
            testId="staff-disposition"
          />
          <Text className="staff-case__meta">归入台账</Text>
          <Choice
            options={LEDGER_LABELS}
            value={form.ledger}
            onChange={(v) => set({ ledger: v })}
            testId="staff-ledger"
          />
        </>
      ) : null}
      {action === 'markDuplicate' ? (
        <Input
          className="staff-case__input"
          value={form.number}
          placeholder="原诉求编号，如 BL-20261122-0001"
          onInput={(e) => set({ number: e.detail.value })}
          data-testid="staff-duplicate-number"
        />
      ) : null}
      {action === 'recordRevisit' ? (
        <>
          <Choice
            options={{ phone: '电话回访', visit: '上门回访' }}
            value={form.method}
            onChange={(v) => set({ method: v })}
            testId="staff-revisit-method"
          />
          <Choice
            options={SATISFACTION_LABELS}
            value={form.value}
            onChange={(v) => set({ value: v })}
            testId="staff-revisit-value"
          />
        </>
      ) : null}
      {action !== 'markDuplicate' ? (
        <Textarea
          className="staff-case__textarea"
          value={form.text}
          maxlength={action === 'resolve' || action === 'addNote' ? CASE_LIMITS.replyMax : CASE_LIMITS.reasonMax}
          placeholder={PROMPTS[action]}
          onInput={(e) => set({ text: e.detail.value })}
          data-testid="staff-action-text"
        />
      ) : null}
      {action === 'addNote' ? (
        <View className="staff-case__switch">
          <Text>仅内部可见（诉求人看不到）</Text>
          <Switch checked={form.staffOnly} onChange={(on) => set({ staffOnly: on })} />
        </View>
      ) : null}
    </>
  )
}
