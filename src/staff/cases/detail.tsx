import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { ActionBar } from '../../components/action-bar'
import { AsyncView } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { casesService, type CaseDetail } from '../../services/cases'
import { CaseFacts } from '../../pages/cases/components/case-facts'
import { CaseTimeline } from '../../pages/cases/components/case-timeline'
import {
  EMPTY_FORM,
  STAFF_ACTIONS,
  STAFF_ACTION_SPECS,
  buildStaffCall,
  type StaffAction,
  type StaffForm,
} from './actions'
import { ActionFields } from './components/action-fields'
import { matchUnits } from './units'
import { useStaffUnit } from './use-staff-unit'
import { Tappable } from '../../components/tappable'
import './detail.scss'

/** The petitioner's contact and the routing reason: only the handling unit sees these. */
function Petitioner({ c }: { c: CaseDetail }) {
  if (!c.contact) return null
  const { contact } = c
  return (
    <View className="staff-case__card" data-testid="staff-case-contact">
      <Text className="staff-case__label">诉求人</Text>
      <Tappable
        className="staff-case__phone"
        onTap={() => contact.phone && void Taro.makePhoneCall({ phoneNumber: contact.phone }).catch(() => undefined)}
      >
        {contact.name || '未留姓名'}
        {contact.preference === 'message' ? '' : contact.phone ? ` 📞 ${contact.phone}` : ' · 未留电话'}
      </Tappable>
      <Text className="staff-case__meta" data-testid="staff-case-preference">
        {contact.preference === 'message'
          ? '联系方式：希望通过小程序消息答复，请在本页回复，不要打电话'
          : '联系方式：可以电话联系'}
      </Text>
      <Text className="staff-case__meta">派单依据：{c.route.reason}</Text>
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
  const [form, setForm] = useState<StaffForm>(EMPTY_FORM)
  const set = (patch: Partial<StaffForm>) => setForm((f) => ({ ...f, ...patch }))
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const c = detail.data
  const targets = useMemo(
    () =>
      c
        ? matchUnits(
            staff.tree,
            form.unitKeyword,
            c.handlingUnitId,
            20,
            staff.units.map((u) => u.id),
          )
        : [],
    [staff.tree, staff.units, form.unitKeyword, c],
  )

  const run = async (action: StaffAction) => {
    const call = buildStaffCall(id, action, form)
    if (typeof call === 'string') throw new Error(call)
    await call()
    return `已${STAFF_ACTION_SPECS[action].label}`
  }

  const onDone = async (action: StaffAction, ok: boolean) => {
    // After a transfer or a return the case may no longer be this unit's to read.
    if (ok && (action === 'transfer' || action === 'returnCase')) {
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/staff/cases/index' }))
      return
    }
    await detail.reload()
  }

  return (
    <PageShell testId="staff-case-page" className="staff-case">
      <AsyncView state={detail}>
        {(c) => (
          <>
            <CaseFacts c={c} reader="staff" />
            <Petitioner c={c} />
            <ActionBar
              can={c.can}
              order={STAFF_ACTIONS}
              specs={STAFF_ACTION_SPECS}
              testId="staff-action"
              formTestId={(a) => `staff-form-${a}`}
              onOpen={() => setForm(EMPTY_FORM)}
              check={(a) => {
                const call = buildStaffCall(id, a, form)
                return typeof call === 'string' ? call : null
              }}
              run={run}
              onDone={onDone}
              renderForm={(a) => (
                <ActionFields action={a} form={form} set={set} targets={a === 'transfer' ? targets : []} />
              )}
            />
            <SectionTitle>办理记录</SectionTitle>
            <View className="staff-case__card">
              <CaseTimeline entries={c.timeline} />
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
