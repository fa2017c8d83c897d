import { View, Text, Input, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { Button, Loading, Switch } from '@nutui/nutui-react-taro'
import type { Disposition, Ledger, Satisfaction } from '../../../types/cases'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { confirm, toast, toastError } from '../../lib/feedback'
import { casesService } from '../../services/cases'
import { CaseFacts } from '../../pages/cases/components/case-facts'
import { CaseTimeline } from '../../pages/cases/components/case-timeline'
import { CASE_LIMITS, DISPOSITION_LABELS, LEDGER_LABELS, SATISFACTION_LABELS } from '../../pages/cases/format'
import { CONFIRM_TEXT, STAFF_ACTIONS, STAFF_ACTION_LABELS, needsForm, type StaffAction } from './actions'
import { matchUnits } from './units'
import { useStaffUnit } from './use-staff-unit'
import './detail.scss'

interface Form {
  text: string
  staffOnly: boolean
  unitKeyword: string
  toUnitId: string | null
  days: string
  approve: boolean
  disposition: Disposition | null
  ledger: Ledger | null
  method: 'phone' | 'visit'
  value: Satisfaction | null
  number: string
}
const EMPTY: Form = { text: '', staffOnly: false, unitKeyword: '', toUnitId: null, days: '7', approve: true, disposition: null, ledger: null, method: 'phone', value: null, number: '' }

/** Chips for a small closed choice (disposition, ledger, rating…). */
function Choice<T extends string>({ options, value, onChange, testId }: { options: Record<T, string>; value: T | null; onChange(v: T): void; testId: string }) {
  return (
    <View className="staff-case__chips">
      {(Object.keys(options) as T[]).map((k) => (
        <Text key={k} className={`staff-case__chip ${value === k ? 'staff-case__chip--on' : ''}`} data-testid={`${testId}-${k}`} onClick={() => onChange(k)}>
          {options[k]}
        </Text>
      ))}
    </View>
  )
}

/**
 * One case for the unit: the facts, the petitioner's contact, the whole timeline (internal
 * notes included), and a button for each action the state machine allows this person now.
 * Each action's form asks only what the function needs; the ones that hand the case on or
 * close it are confirmed first.
 */
export default function StaffCaseDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const detail = useAsync(() => casesService.get(id), [id])
  const staff = useStaffUnit()
  const [pending, setPending] = useState<StaffAction | null>(null)
  const [form, setForm] = useState<Form>(EMPTY)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const c = detail.data
  const targets = useMemo(() => (pending === 'transfer' && c ? matchUnits(staff.tree, form.unitKeyword, c.handlingUnitId) : []), [pending, staff.tree, form.unitKeyword, c])

  /** Checks the form and builds the call; a string is what to tell the person instead. */
  const build = (action: StaffAction): (() => Promise<unknown>) | string => {
    const text = form.text.trim()
    const needText = (min = 2) => (text.length < min ? `请至少写 ${min} 个字` : null)
    switch (action) {
      case 'sign':
        return () => casesService.sign(id)
      case 'addNote':
        return needText() ?? (() => casesService.addNote({ caseId: id, text, staffOnly: form.staffOnly }))
      case 'transfer':
        if (!form.toUnitId) return '请选择转办单位'
        return needText() ?? (() => casesService.transfer({ caseId: id, toUnitId: form.toUnitId!, reason: text }))
      case 'returnCase':
        return needText() ?? (() => casesService.returnCase({ caseId: id, reason: text }))
      case 'requestExtension': {
        const days = Number(form.days)
        if (!Number.isInteger(days) || days < 1 || days > 30) return '延期天数为 1–30 天'
        return needText() ?? (() => casesService.requestExtension({ caseId: id, days, reason: text }))
      }
      case 'reviewExtension':
        return () => casesService.reviewExtension({ caseId: id, approve: form.approve, comment: text })
      case 'supervise':
        return needText() ?? (() => casesService.supervise({ caseId: id, comment: text }))
      case 'resolve':
        if (!form.disposition) return '请选择办理方式'
        if (!form.ledger) return '请选择归入哪本台账'
        return needText(5) ?? (() => casesService.resolve({ caseId: id, disposition: form.disposition!, ledger: form.ledger!, reply: text }))
      case 'markDuplicate':
        if (!/^[A-Za-z]{2,4}-\d{8}-\d{4,}$/.test(form.number.trim())) return '请填写原诉求的编号，如 BL-20261122-0001'
        return () => casesService.markDuplicate({ caseId: id, duplicateOfNumber: form.number.trim().toUpperCase() })
      case 'recordRevisit':
        if (!form.value) return '请选择回访结果'
        return () => casesService.recordRevisit({ caseId: id, method: form.method, value: form.value!, comment: text })
    }
  }

  const act = async (action: StaffAction) => {
    if (needsForm(action) && pending !== action) {
      setPending(action)
      setForm(EMPTY)
      return
    }
    const call = build(action)
    if (typeof call === 'string') return toast(call)
    const ask = CONFIRM_TEXT[action]
    if (ask && !(await confirm({ title: STAFF_ACTION_LABELS[action], content: ask }))) return
    setBusy(true)
    try {
      await call()
      toast(`已${STAFF_ACTION_LABELS[action]}`, 'success')
      setPending(null)
      // After a transfer or a return the case may no longer be this unit's to read.
      if (action === 'transfer' || action === 'returnCase') {
        setBusy(false)
        await Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/staff/cases/index' }))
        return
      }
    } catch (error) {
      toastError(error)
    }
    setBusy(false)
    await detail.reload()
  }

  if (!c) {
    return (
      <PageShell testId="staff-case-page">
        {detail.error ? (
          <EmptyState error description={detail.error} />
        ) : (
          <View className="staff-case__center">
            <Loading>正在加载…</Loading>
          </View>
        )}
      </PageShell>
    )
  }
  const allowed = STAFF_ACTIONS.filter((a) => c.viewer.allowedActions.includes(a))

  return (
    <PageShell testId="staff-case-page" className="staff-case">
      <CaseFacts c={c} />
      {c.contact ? (
        <View className="staff-case__card" data-testid="staff-case-contact">
          <Text className="staff-case__label">诉求人</Text>
          <Text className="staff-case__phone" onClick={() => c.contact?.phone && void Taro.makePhoneCall({ phoneNumber: c.contact.phone }).catch(() => undefined)}>
            {c.contact.name || '未留姓名'}
            {c.contact.preference === 'message' ? '' : c.contact.phone ? ` 📞 ${c.contact.phone}` : ' · 未留电话'}
          </Text>
          <Text className="staff-case__meta" data-testid="staff-case-preference">
            {c.contact.preference === 'message' ? '联系方式：希望通过小程序消息答复，请在本页回复，不要打电话' : '联系方式：可以电话联系'}
          </Text>
          <Text className="staff-case__meta">派单依据：{c.route.reason}</Text>
        </View>
      ) : null}

      {pending ? (
        <View className="staff-case__card" data-testid={`staff-form-${pending}`}>
          <Text className="staff-case__label">{STAFF_ACTION_LABELS[pending]}</Text>
          {pending === 'transfer' ? (
            <>
              <Input className="staff-case__input" value={form.unitKeyword} placeholder="输入单位名称查找，如：住建" onInput={(e) => set({ unitKeyword: e.detail.value, toUnitId: null })} data-testid="staff-transfer-search" />
              <View className="staff-case__units">
                {targets.map((u) => (
                  <Text key={u.id} className={`staff-case__chip ${form.toUnitId === u.id ? 'staff-case__chip--on' : ''}`} onClick={() => set({ toUnitId: u.id })} data-testid={`staff-transfer-unit-${u.id}`}>
                    {u.name}
                  </Text>
                ))}
              </View>
            </>
          ) : null}
          {pending === 'requestExtension' ? <Input className="staff-case__input" type="number" value={form.days} placeholder="延期天数（1–30）" onInput={(e) => set({ days: e.detail.value })} data-testid="staff-extension-days" /> : null}
          {pending === 'reviewExtension' ? <Choice options={{ yes: '同意延期', no: '不同意' }} value={form.approve ? 'yes' : 'no'} onChange={(v) => set({ approve: v === 'yes' })} testId="staff-review" /> : null}
          {pending === 'resolve' ? (
            <>
              <Text className="staff-case__meta">办理方式</Text>
              <Choice options={DISPOSITION_LABELS} value={form.disposition} onChange={(v) => set({ disposition: v })} testId="staff-disposition" />
              <Text className="staff-case__meta">归入台账</Text>
              <Choice options={LEDGER_LABELS} value={form.ledger} onChange={(v) => set({ ledger: v })} testId="staff-ledger" />
            </>
          ) : null}
          {pending === 'markDuplicate' ? <Input className="staff-case__input" value={form.number} placeholder="原诉求编号，如 BL-20261122-0001" onInput={(e) => set({ number: e.detail.value })} data-testid="staff-duplicate-number" /> : null}
          {pending === 'recordRevisit' ? (
            <>
              <Choice options={{ phone: '电话回访', visit: '上门回访' }} value={form.method} onChange={(v) => set({ method: v })} testId="staff-revisit-method" />
              <Choice options={SATISFACTION_LABELS} value={form.value} onChange={(v) => set({ value: v })} testId="staff-revisit-value" />
            </>
          ) : null}
          {pending !== 'markDuplicate' ? (
            <Textarea
              className="staff-case__textarea"
              value={form.text}
              maxlength={pending === 'resolve' || pending === 'addNote' ? CASE_LIMITS.replyMax : CASE_LIMITS.reasonMax}
              placeholder={PROMPTS[pending]}
              onInput={(e) => set({ text: e.detail.value })}
              data-testid="staff-action-text"
            />
          ) : null}
          {pending === 'addNote' ? (
            <View className="staff-case__switch">
              <Text>仅内部可见（诉求人看不到）</Text>
              <Switch checked={form.staffOnly} onChange={(on) => set({ staffOnly: on })} />
            </View>
          ) : null}
          <View className="staff-case__buttons">
            <Button fill="outline" onClick={() => setPending(null)}>
              取消
            </Button>
            <Button type="primary" loading={busy} onClick={() => void act(pending)} data-testid="staff-action-submit">
              确定{STAFF_ACTION_LABELS[pending]}
            </Button>
          </View>
        </View>
      ) : allowed.length > 0 ? (
        <View className="staff-case__buttons staff-case__buttons--main">
          {allowed.map((a, i) => (
            <Button key={a} type={i === 0 ? 'primary' : 'default'} fill={i === 0 ? 'solid' : 'outline'} loading={busy && a === 'sign'} onClick={() => void act(a)} data-testid={`staff-action-${a}`}>
              {STAFF_ACTION_LABELS[a]}
            </Button>
          ))}
        </View>
      ) : null}

      <View className="section-title">办理记录</View>
      <View className="staff-case__card">
        <CaseTimeline entries={c.timeline} />
      </View>
    </PageShell>
  )
}

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
