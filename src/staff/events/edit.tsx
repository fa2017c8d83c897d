import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/page-shell'
import { useMe } from '../../hooks/use-me'
import { toast, toastError } from '../../lib/feedback'
import { unitsWith } from '../../lib/roles'
import { eventsService, type EventDraftInput } from '../../services/events'
import { EventForm, type FormState } from './event-form'
import './edit.scss'

const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)

const EMPTY: FormState = {
  kind: 'bench_meeting', title: '', description: '', date: '', startTime: '09:30', endTime: '11:00', placeName: '', address: '',
  capacity: '30', audience: 'community', organiserPhone: '', series: 'none', weekday: 1, day: '15', count: '4',
}

/** The draft fields from the form; the server checks every rule and answers in Chinese. */
function toDraft(form: FormState, unitId: string): EventDraftInput {
  return {
    unitId,
    kind: form.kind,
    title: form.title,
    description: form.description,
    place: { name: form.placeName, address: form.address, location: null },
    capacity: Number(form.capacity || 0),
    date: form.date,
    startTime: form.startTime,
    endTime: form.endTime,
    audience: { kind: form.audience, placeIds: [] },
    organiser: { name: '', phone: form.organiserPhone },
  }
}

/** 新建活动 / 新建系列活动: one event, or a weekly or monthly series; published at once or kept as a draft. */
export default function StaffEventEditPage() {
  const { params } = useRouter()
  const wantsSeries = params.series === '1'
  const { profile } = useMe()
  const unitId = unitsWith(profile, 'events.manage')[0] ?? null
  const [form, setForm] = useState<FormState>({ ...EMPTY, date: tomorrow(), series: wantsSeries ? 'weekly' : 'none' })
  const [publishNow, setPublishNow] = useState(true)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<FormState>) => setForm((old) => ({ ...old, ...patch }))

  const submit = async () => {
    if (!unitId) return toast('您没有可以主办活动的单位')
    setBusy(true)
    try {
      const draft = toDraft(form, unitId)
      if (form.series === 'none') {
        const created = await eventsService.create(draft)
        if (publishNow) await eventsService.publish(created.id)
      } else {
        const { date: from, signUpOpensAt: _o, signUpClosesAt: _c, cancelDeadline: _d, ...base } = draft
        const rule = form.series === 'weekly' ? { kind: 'weekly' as const, weekday: form.weekday } : { kind: 'monthly' as const, day: Number(form.day) }
        await eventsService.createSeries({ ...base, rule, from, count: Number(form.count || 1), publishNow })
      }
      toast(publishNow ? '已发布' : '已存为草稿', 'success')
      setTimeout(() => void Taro.navigateBack(), 800)
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className="staff-event-edit" testId="staff-event-edit-page">
      <EventForm form={form} set={set} allowSeries={wantsSeries} />
      <View className="staff-event-edit__foot">
        <Checkbox checked={publishNow} onChange={setPublishNow} label="立即发布（不勾选则存为草稿）" />
        <Button type="primary" block loading={busy} onClick={() => void submit()} data-testid="event-form-submit">
          {form.series === 'none' ? '保存活动' : '排好系列活动'}
        </Button>
      </View>
    </PageShell>
  )
}
