import { Text, View } from '@tarojs/components'
import { NOTICE_CATEGORY_LABELS, NOTICE_PRIORITY_LABELS } from '../../../../types/notices-labels'
import type { ComposeForm } from '../use-compose'
import { wallTimeText } from '../when'

/**
 * What a resident will see: title, tags, summary and text as the notice page lays them out,
 * with the PDFs, the linked event and how long it stays.
 * (Drawn here rather than with the resident page's card: subpackages cannot share code.)
 */
export function NoticePreview({ form }: { form: ComposeForm }) {
  const { pinnedUntil, expiresAt, ackDeadline } = form.times
  return (
    <View className="notice-compose__card" data-testid="notice-preview">
      <Text className="notice-compose__meta">
        {NOTICE_PRIORITY_LABELS[form.priority]} · {NOTICE_CATEGORY_LABELS[form.category]}
        {form.ackRequired ? ' · 需要确认知晓' : ''}
        {pinnedUntil ? ` · 置顶到 ${wallTimeText(pinnedUntil)}` : ''}
      </Text>
      <Text className="notice-compose__preview-title">{form.title || '（标题）'}</Text>
      <Text className="notice-compose__meta">{form.summary || '（摘要）'}</Text>
      {expiresAt ? <Text className="notice-compose__meta">有效期至 {wallTimeText(expiresAt)}</Text> : null}
      <Text className="notice-compose__preview-body">{form.body || '（正文）'}</Text>
      {form.attachments.map((a) => (
        <Text key={a.fileId} className="notice-compose__meta">
          📄 {a.name}
        </Text>
      ))}
      {form.event ? <Text className="notice-compose__meta">🗓 {form.event.title} · 查看活动并报名</Text> : null}
      {form.ackRequired ? (
        <Text className="notice-compose__meta">
          我已知晓{ackDeadline ? `（请在 ${wallTimeText(ackDeadline)} 前确认）` : ''}
        </Text>
      ) : null}
    </View>
  )
}
