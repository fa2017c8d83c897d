import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import { ChoicePicker } from '../../../components/when-picker'
import { useAsync } from '../../../hooks/use-async'
import { toast, toastError } from '../../../lib/feedback'
import { casesService } from '../../../services/cases'
import { minutesService } from '../../../services/events-attendance'
import { groupCategories } from '../../../pages/cases/format'

const EMPTY = { description: '', name: '', phone: '' }
const newRequestId = () => `minutes-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

/** 问题转诉求: what was raised, by whom, under which category; one tap enters it as a 诉求. */
export function RaiseCaseForm({
  eventId,
  channelLabel,
  onRaised,
}: {
  eventId: string
  channelLabel: string
  onRaised(): void
}) {
  const categories = useAsync(() => casesService.categories(), [])
  const leaves = useMemo(
    () =>
      groupCategories(categories.data?.items ?? []).flatMap((g) =>
        g.leaves.map((c) => ({ code: c.code, name: `${g.name} · ${c.name}` })),
      ),
    [categories.data],
  )
  const [pick, setPick] = useState<number | null>(null)
  const [form, setForm] = useState(EMPTY)
  const [requestId, setRequestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const chosen = pick === null ? undefined : leaves[pick]
  const submit = async () => {
    if (!chosen) return toast('请选择诉求类别')
    setBusy(true)
    try {
      const { issue } = await minutesService.raiseCase({
        eventId,
        clientRequestId: requestId,
        categoryCode: chosen.code,
        description: form.description.trim(),
        petitioner: { name: form.name.trim(), phone: form.phone.trim() },
      })
      toast(`已转为诉求，编号 ${issue.number}`, 'success')
      setForm(EMPTY)
      setRequestId(newRequestId())
      onRaised()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="minutes__card" data-testid="minutes-raise">
      <Text className="minutes__title">问题转诉求（{channelLabel}）</Text>
      <ChoicePicker
        options={leaves.map((l) => l.name)}
        index={pick}
        onChange={setPick}
        label="诉求类别"
        placeholder="选择诉求类别"
      >
        <View className="minutes__input" data-testid="minutes-category">
          {chosen?.name ?? (categories.loading ? '正在加载类别…' : '选择诉求类别')}
        </View>
      </ChoicePicker>
      <Textarea
        className="minutes__input"
        value={form.description}
        maxlength={500}
        placeholder="居民提出的问题（至少 5 个字）"
        onInput={(e) => setForm({ ...form, description: e.detail.value })}
        data-testid="minutes-issue"
      />
      <Input
        className="minutes__input"
        value={form.name}
        maxlength={20}
        placeholder="提出人姓名"
        onInput={(e) => setForm({ ...form, name: e.detail.value })}
        data-testid="minutes-petitioner"
      />
      <Input
        className="minutes__input"
        type="number"
        value={form.phone}
        maxlength={20}
        placeholder="提出人电话（办理人员回访用）"
        onInput={(e) => setForm({ ...form, phone: e.detail.value })}
        data-testid="minutes-petitioner-phone"
      />
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="minutes-raise-submit">
        转为诉求
      </Button>
    </View>
  )
}
