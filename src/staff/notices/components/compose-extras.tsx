import { View } from '@tarojs/components'
import type { ComposeForm } from '../use-compose'
import type { WallTime, WhenField } from '../when'
import { AttachmentList } from './attachment-list'
import { EventLink } from './event-link'
import { WhenFields } from './when-fields'

interface Props {
  form: ComposeForm
  senderId: string
  /** The sender may manage events (types/policy.ts `events.manage`); a grid worker may not, so no link is offered. */
  linksEvents: boolean
  set<K extends keyof ComposeForm>(key: K, value: ComposeForm[K]): void
  setTime(field: WhenField, value: WallTime | null): void
}

/** The compose form's optional parts: when (schedule, pin, expiry, ack deadline), PDFs and a linked event. */
export function ComposeExtras({ form, senderId, linksEvents, set, setTime }: Props) {
  return (
    <View>
      <View className="section-title">时间（选填）</View>
      <View className="notice-compose__card">
        <WhenFields times={form.times} ackRequired={form.ackRequired} onChange={setTime} />
      </View>
      <View className="section-title">附件（选填）</View>
      <View className="notice-compose__card">
        <AttachmentList files={form.attachments} onChange={(files) => set('attachments', files)} />
      </View>
      {linksEvents ? (
        <View>
          <View className="section-title">关联活动（选填）</View>
          <View className="notice-compose__card">
            <EventLink unitId={senderId} value={form.event} onChange={(e) => set('event', e)} />
          </View>
        </View>
      ) : null}
    </View>
  )
}
