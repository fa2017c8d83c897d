import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { NOTICE_LIMITS } from '../../../../types/notices-labels'
import { toast } from '../../../lib/feedback'

/** 公示进展: one line of progress; the residents who follow the 公示 are told of it. */
export function ProgressForm({ onSubmit }: { onSubmit(text: string): Promise<void> }) {
  const [text, setText] = useState('')
  const submit = async () => {
    if (!text.trim()) return toast('请填写进展，例如：管线迁改完成，开始路面施工')
    await onSubmit(text.trim())
    setText('')
  }
  return (
    <View className="staff-notice__withdraw">
      <Input
        className="staff-notice__field"
        value={text}
        maxlength={NOTICE_LIMITS.progressMax}
        placeholder="公示进展"
        onInput={(e) => setText(e.detail.value)}
        data-testid="notice-progress-input"
      />
      <Button type="primary" onClick={() => void submit()} data-testid="notice-progress-add">
        更新进展
      </Button>
    </View>
  )
}
