import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { CAN_SCAN, scanCode } from '../../../pages/events/scan'
import type { QueuedCheckIn } from '../checkin-queue'

type Submit = (checkIn: QueuedCheckIn, label: string) => Promise<boolean>

/** 扫码签到: scan the resident's code (WeChat), or type what their screen shows (both). */
export function CodeForm({ submit }: { submit: Submit }) {
  const [code, setCode] = useState('')
  const send = async (text: string) => {
    if (!text.trim()) return
    if (await submit({ kind: 'code', code: text.trim() }, `签到码 ${text.trim().slice(0, 14)}`)) setCode('')
  }
  const scan = async () => {
    const text = await scanCode()
    if (text) await send(text)
  }
  return (
    <View className="door__card" data-testid="door-code">
      <Text className="door__title">扫码签到</Text>
      {CAN_SCAN ? (
        <Button type="primary" onClick={() => void scan()} data-testid="door-scan">
          扫居民签到码
        </Button>
      ) : null}
      <Input
        className="door__input"
        value={code}
        maxlength={20}
        placeholder="或输入居民手机上显示的 12 位签到码"
        onInput={(e) => setCode(e.detail.value)}
        data-testid="door-code-input"
      />
      <Button fill="outline" onClick={() => void send(code)} data-testid="door-code-submit">
        签到
      </Button>
    </View>
  )
}

/** 现场补登: someone who came without signing up (or without a phone to show a code). */
export function WalkInForm({ submit }: { submit: Submit }) {
  const [form, setForm] = useState({ name: '', phone: '' })
  const send = async () => {
    if (!form.name.trim()) return
    if (await submit({ kind: 'walkIn', name: form.name.trim(), phone: form.phone.trim() }, form.name.trim()))
      setForm({ name: '', phone: '' })
  }
  return (
    <View className="door__card" data-testid="door-walk-in">
      <Text className="door__title">现场补登</Text>
      <Text className="door__meta">没有报名或没带手机的居民。手机号与报名记录相同时，按该报名签到。</Text>
      <Input
        className="door__input"
        value={form.name}
        maxlength={20}
        placeholder="姓名"
        onInput={(e) => setForm({ ...form, name: e.detail.value })}
        data-testid="door-walk-in-name"
      />
      <Input
        className="door__input"
        type="number"
        value={form.phone}
        maxlength={11}
        placeholder="手机号（可不填）"
        onInput={(e) => setForm({ ...form, phone: e.detail.value })}
      />
      <Button fill="outline" onClick={() => void send()} data-testid="door-walk-in-submit">
        补登签到
      </Button>
    </View>
  )
}

/** 撤销时长: the reason is required and told to the person. */
export function ReverseForm({
  name,
  onSubmit,
  onCancel,
}: {
  name: string
  onSubmit(reason: string): void
  onCancel(): void
}) {
  const [reason, setReason] = useState('')
  return (
    <View className="door__card" data-testid="door-reverse-form">
      <Text className="door__title">撤销{name}的服务时长</Text>
      <Input
        className="door__input"
        value={reason}
        maxlength={100}
        placeholder="撤销原因（会告知本人）"
        onInput={(e) => setReason(e.detail.value)}
        data-testid="door-reverse-reason"
      />
      <View className="door__buttons">
        <Button type="primary" onClick={() => onSubmit(reason.trim())} data-testid="door-reverse-submit">
          撤销
        </Button>
        <Button fill="outline" onClick={onCancel}>
          不撤销
        </Button>
      </View>
    </View>
  )
}
