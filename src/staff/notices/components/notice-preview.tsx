import { Text, View } from '@tarojs/components'
import { NOTICE_CATEGORY_LABELS, NOTICE_PRIORITY_LABELS } from '../../../../types/notices-labels'
import type { ComposeForm } from '../use-compose'

/**
 * What a resident will see: title, tags, summary and text as the notice page lays them out.
 * (Drawn here rather than with the resident page's card: subpackages cannot share code.)
 */
export function NoticePreview({ form }: { form: ComposeForm }) {
  return (
    <View className="notice-compose__card" data-testid="notice-preview">
      <Text className="notice-compose__meta">
        {NOTICE_PRIORITY_LABELS[form.priority]} · {NOTICE_CATEGORY_LABELS[form.category]}
        {form.ackRequired ? ' · 需要确认知晓' : ''}
      </Text>
      <Text className="notice-compose__preview-title">{form.title || '（标题）'}</Text>
      <Text className="notice-compose__meta">{form.summary || '（摘要）'}</Text>
      <Text className="notice-compose__preview-body">{form.body || '（正文）'}</Text>
    </View>
  )
}
