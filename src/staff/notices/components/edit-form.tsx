import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { Button, Switch } from '@nutui/nutui-react-taro'
import { NOTICE_LIMITS } from '../../../../types/notices-labels'
import { formatTime } from '../../../lib/dayjs'
import { confirm, toast } from '../../../lib/feedback'
import type { NoticeStaffView } from '../../../services/notices'

export interface NoticeEdit {
  title: string
  summary: string
  body: string
  material: boolean
}

/**
 * 修改: a new version of a notice already out. A 实质性修改 (time, place, what to do) tells
 * everyone who already read it again; correcting a typo tells nobody.
 */
export function EditForm({ notice, onSubmit }: { notice: NoticeStaffView; onSubmit(edit: NoticeEdit): Promise<void> }) {
  const [open, setOpen] = useState(false)
  const [edit, setEdit] = useState<NoticeEdit>({
    title: notice.title,
    summary: notice.summary,
    body: notice.body,
    material: false,
  })
  const set = <K extends keyof NoticeEdit>(key: K, value: NoticeEdit[K]) => setEdit((e) => ({ ...e, [key]: value }))
  const submit = async () => {
    if (!edit.title.trim() || !edit.summary.trim() || !edit.body.trim()) return toast('标题、摘要和正文都要填写')
    const told = edit.material ? '已读过的居民会再次收到通知。' : '只是更正文字，不会再次通知居民。'
    if (
      !(await confirm({
        title: '保存修改',
        content: `将保存为第 ${notice.version + 1} 版。${told}`,
        confirmText: '保存',
      }))
    )
      return
    await onSubmit(edit)
    setOpen(false)
  }
  if (!open) {
    return (
      <View>
        {notice.versions.map((v) => (
          <Text key={v.version} className="staff-notice__meta">
            第 {v.version} 版 · {formatTime(v.at)} · {v.material ? '实质性修改，已再次通知' : '更正文字'}
          </Text>
        ))}
        <Button fill="outline" onClick={() => setOpen(true)} data-testid="notice-edit-open">
          修改内容
        </Button>
      </View>
    )
  }
  return (
    <View className="staff-notice__edit" data-testid="notice-edit">
      <Input
        className="staff-notice__field"
        value={edit.title}
        maxlength={NOTICE_LIMITS.titleMax}
        aria-label="标题"
        onInput={(e) => set('title', e.detail.value)}
      />
      <Input
        className="staff-notice__field"
        value={edit.summary}
        maxlength={NOTICE_LIMITS.summaryMax}
        aria-label="摘要"
        onInput={(e) => set('summary', e.detail.value)}
      />
      <Textarea
        className="staff-notice__field staff-notice__text"
        value={edit.body}
        maxlength={NOTICE_LIMITS.bodyMax}
        nativeProps={{ 'aria-label': '正文' }}
        onInput={(e) => set('body', e.detail.value)}
      />
      <View className="staff-notice__switch">
        <Text>实质性修改（时间、地点、要求变了）</Text>
        <Switch checked={edit.material} onChange={(v) => set('material', v)} data-testid="notice-edit-material" />
      </View>
      <Button type="primary" onClick={() => void submit()} data-testid="notice-edit-save">
        保存修改
      </Button>
      <Button fill="none" onClick={() => setOpen(false)}>
        取消
      </Button>
    </View>
  )
}
