import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { FOLLOW_UP_METHOD_LABELS, type FollowUpMethod } from '../../../../types/notices-labels'
import { toast, toastError } from '../../../lib/feedback'
import { noticesService, type NotReachedPerson } from '../../../services/notices'
import { ChoiceChips } from './choice-chips'
import { Tappable } from '../../../components/tappable'
import './not-reached-list.scss'

/** One person the notice has not reached: call them, remind again, or record how they were told. */
function PersonRow({ noticeId, person, onDone }: { noticeId: string; person: NotReachedPerson; onDone(): void }) {
  const [open, setOpen] = useState(false)
  const [method, setMethod] = useState<FollowUpMethod>('phone')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      toast(done, 'success')
      onDone()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const fullPhone = /^1\d{10}$/.test(person.phone)
  return (
    <View className="not-reached__person" data-testid={`not-reached-${person.name}`}>
      <View className="not-reached__who">
        <Text className="not-reached__name">{person.name}</Text>
        <Text className="not-reached__meta">
          {[person.unitName, person.read ? '已读未确认' : '未读'].filter(Boolean).join(' · ')}
        </Text>
        {person.phone ? (
          <Tappable
            className={fullPhone ? 'not-reached__phone' : 'not-reached__meta'}
            onTap={() => fullPhone && void Taro.makePhoneCall({ phoneNumber: person.phone })}
          >
            {person.phone}
          </Tappable>
        ) : null}
      </View>
      <View className="not-reached__buttons">
        <Button size="small" type="primary" onClick={() => setOpen((o) => !o)} data-testid="follow-up-open">
          记录已告知
        </Button>
        {person.canRemind ? (
          <Button
            size="small"
            fill="outline"
            loading={busy}
            onClick={() => void run(() => noticesService.remind(noticeId, person.ref), '已再次提醒')}
          >
            再次提醒
          </Button>
        ) : null}
      </View>
      {open ? (
        <View className="not-reached__form">
          <ChoiceChips labels={FOLLOW_UP_METHOD_LABELS} value={method} onChange={setMethod} testId="follow-up-method" />
          <Input
            className="not-reached__note"
            value={note}
            maxlength={200}
            placeholder="备注（选填），例如：已电话告知，会提前储水"
            onInput={(e) => setNote(e.detail.value)}
            data-testid="follow-up-note"
          />
          <Button
            block
            type="primary"
            loading={busy}
            data-testid="follow-up-save"
            onClick={() =>
              void run(() => noticesService.recordFollowUp({ noticeId, ref: person.ref, method, note }), '已记录')
            }
          >
            保存
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** 未触达名单: people who have not opened the notice and were not told another way. */
export function NotReachedList({
  noticeId,
  items,
  total,
  onChange,
}: {
  noticeId: string
  items: NotReachedPerson[]
  total: number
  onChange(): void
}) {
  if (items.length === 0)
    return (
      <Text className="not-reached__meta" data-testid="not-reached-empty">
        所有人都已触达
      </Text>
    )
  return (
    <View data-testid="not-reached-list">
      <Text className="not-reached__meta">
        还有 {total} 人未触达{total > items.length ? `（显示前 ${items.length} 人）` : ''}
      </Text>
      {items.map((p) => (
        <PersonRow key={p.ref} noticeId={noticeId} person={p} onDone={onChange} />
      ))}
    </View>
  )
}
