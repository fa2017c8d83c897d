import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { confirm, toast, toastError } from '../../lib/feedback'
import { unitsWith } from '../../lib/roles'
import { eventsService, type EventDetail } from '../../services/events'
import { DateTimeField } from './components/more-settings'
import { EventForm } from './event-form'
import { EMPTY_FORM, fromDraft, toDraft, type FormState, type StoredDraft } from './form-state'
import './edit.scss'

const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10)

/** What the page edits: nothing yet (new event or series) or a stored event with its draft. */
interface Editing {
  event: EventDetail | null
  base: StoredDraft | null
}

async function save(form: FormState, unitId: string, editing: Editing, publishNow: boolean): Promise<string> {
  const draft = toDraft(form, unitId, editing.base)
  const { event } = editing
  if (event) {
    const saved = await eventsService.update(event.id, draft)
    if (publishNow && event.status === 'draft') await eventsService.publish(event.id, form.publishAt || null)
    return saved.notified > 0 ? `已保存，已通知 ${saved.notified} 位报名的居民` : '已保存'
  }
  if (form.series === 'none') {
    const created = await eventsService.create(draft)
    if (publishNow) await eventsService.publish(created.id, form.publishAt || null)
    if (publishNow && form.publishAt) return `将于 ${form.publishAt} 发布`
  } else {
    const { date: from, signUpOpensAt: _o, signUpClosesAt: _c, cancelDeadline: _d, ...base } = draft
    const rule =
      form.series === 'weekly'
        ? { kind: 'weekly' as const, weekday: form.weekday }
        : { kind: 'monthly' as const, day: Number(form.day) }
    await eventsService.createSeries({ ...base, rule, from, count: Number(form.count || 1), publishNow })
  }
  return publishNow ? '已发布' : '已存为草稿'
}

/** The form and its save button, for a new event, a new series, or a stored event (edit, or move one occurrence). */
function EditForm({ initial, editing, unitId }: { initial: FormState; editing: Editing; unitId: string | null }) {
  const [form, setForm] = useState<FormState>(initial)
  const [publishNow, setPublishNow] = useState(editing.event === null)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<FormState>) => setForm((old) => ({ ...old, ...patch }))
  const status = editing.event?.status ?? null

  const submit = async () => {
    if (!unitId) return toast('您没有可以主办活动的单位')
    if (
      status === 'published' &&
      !(await confirm({
        title: '保存修改',
        content: '活动已发布。改了时间或地点，会通知所有已报名、候补的居民，他们可以不受截止时间限制取消。确定保存吗？',
        confirmText: '保存',
      }))
    )
      return
    setBusy(true)
    try {
      toast(await save(form, unitId, editing, publishNow), 'success')
      setTimeout(() => void Taro.navigateBack(), 800)
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <EventForm form={form} set={set} allowSeries={form.series !== 'none'} unitId={unitId} />
      <View className="staff-event-edit__foot">
        {status === null || status === 'draft' ? (
          <Checkbox
            checked={publishNow}
            onChange={setPublishNow}
            label={status === 'draft' ? '保存后发布' : '发布（不勾选则存为草稿）'}
          />
        ) : null}
        {publishNow && form.series === 'none' && (status === null || status === 'draft') ? (
          <DateTimeField
            value={form.publishAt}
            onChange={(publishAt) => set({ publishAt })}
            unset="定时发布：不设则立即发布"
            testId="event-form-publish-at"
          />
        ) : null}
        <Button type="primary" block loading={busy} onClick={() => void submit()} data-testid="event-form-submit">
          {form.series === 'none' ? '保存活动' : '排好系列活动'}
        </Button>
      </View>
    </View>
  )
}

/** 新建活动 / 新建系列活动 / 修改活动 (`?id=`: a stored event, also how one occurrence of a series is moved). */
export default function StaffEventEditPage() {
  const { params } = useRouter()
  const editId = params.id ? decodeURIComponent(params.id) : null
  const { profile } = useMe()
  const stored = useAsync(async () => (editId ? await eventsService.get(editId) : null), [editId])
  useEffect(() => {
    if (editId) void Taro.setNavigationBarTitle({ title: '修改活动' })
  }, [editId])
  if (!editId) {
    const initial: FormState = { ...EMPTY_FORM, date: tomorrow(), series: params.series === '1' ? 'weekly' : 'none' }
    return (
      <PageShell className="staff-event-edit" testId="staff-event-edit-page">
        <EditForm
          initial={initial}
          editing={{ event: null, base: null }}
          unitId={unitsWith(profile, 'events.manage')[0] ?? null}
        />
      </PageShell>
    )
  }
  return (
    <PageShell className="staff-event-edit" testId="staff-event-edit-page">
      <AsyncView state={stored}>
        {(event) =>
          event?.draft ? (
            <EditForm initial={fromDraft(event.draft)} editing={{ event, base: event.draft }} unitId={event.unitId} />
          ) : (
            <View className="staff-event-edit__foot">只有主办单位的工作人员可以修改这个活动</View>
          )
        }
      </AsyncView>
    </PageShell>
  )
}
