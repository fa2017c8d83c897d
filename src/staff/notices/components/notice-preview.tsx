import { Text, View } from '@tarojs/components'
import { NoticeCard } from '../../../pages/notices/components/notice-card'
import type { ComposeForm } from '../use-compose'

/** What a resident will see: the list card as it will look, then the text. */
export function NoticePreview({ form }: { form: ComposeForm }) {
  const summary = {
    id: 'preview',
    kind: form.kind,
    title: form.title || '（标题）',
    summary: form.summary || '（摘要）',
    category: form.category,
    priority: form.priority,
    unitName: '本单位',
    publishedAt: new Date().toISOString(),
    pinned: false,
    expired: false,
    withdrawn: false,
    read: false,
    ackRequired: form.ackRequired,
    acknowledged: false,
  }
  return (
    <View data-testid="notice-preview">
      <NoticeCard item={summary} onOpen={() => undefined} />
      <View className="notice-compose__card">
        <Text className="notice-compose__preview-body">{form.body || '（正文）'}</Text>
      </View>
    </View>
  )
}
