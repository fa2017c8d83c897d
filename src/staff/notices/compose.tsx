import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { Button, Switch } from '@nutui/nutui-react-taro'
import {
  AUDIENCE_FILTER_LABELS,
  NOTICE_CATEGORY_LABELS,
  NOTICE_KIND_LABELS,
  NOTICE_LIMITS,
  NOTICE_PRIORITY_LABELS,
} from '../../../types/notices-labels'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { PhotoPicker } from '../../components/photo-picker'
import { useAsync } from '../../hooks/use-async'
import { useMe } from '../../hooks/use-me'
import { confirm, toast, toastError } from '../../lib/feedback'
import { can } from '../../lib/roles'
import { noticesService } from '../../services/notices'
import { usersService } from '../../services/users'
import { AudiencePicker } from './components/audience-picker'
import { ChoiceChips } from './components/choice-chips'
import { ComposeExtras } from './components/compose-extras'
import { NoticePreview } from './components/notice-preview'
import { audienceChoices, AUDIENCE_KINDS } from './units'
import { useCompose } from './use-compose'
import { confirmText } from './when'
import './compose.scss'

/**
 * 写通知: audience with a live count, text, category, priority, then the optional schedule,
 * pin, expiry, PDFs and linked event; a preview, then a confirm that states the number.
 */
export default function ComposeNoticePage() {
  const senderId = decodeURIComponent(useRouter().params.unitId ?? '')
  const tree = useAsync(() => usersService.orgTree({ kinds: [...AUDIENCE_KINDS] }), [])
  const choices = useMemo(() => audienceChoices(tree.data?.units ?? [], senderId), [tree.data, senderId])
  const { form, set, setTime, toggleUnit, count, input } = useCompose(senderId)
  const { profile } = useMe()
  const [preview, setPreview] = useState(false)
  const [saving, setSaving] = useState(false)

  const publish = async () => {
    if (form.unitIds.length === 0) return toast('请选择发送范围')
    const sure = await confirm({ title: '确认发布', content: confirmText(form, count), confirmText: '发布' })
    if (!sure) return
    setSaving(true)
    try {
      const draft = await noticesService.create(input())
      const sent = await noticesService.publish(draft.id)
      toast(sent.status === 'pending_approval' ? '已提交审核' : '已发布', 'success')
      void Taro.redirectTo({ url: `/staff/notices/detail?id=${encodeURIComponent(sent.id)}` })
    } catch (e) {
      toastError(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell testId="notice-compose-page" className="notice-compose">
      <SectionTitle>发送范围</SectionTitle>
      <View className="notice-compose__card">
        <AudiencePicker
          choices={choices}
          chosen={form.unitIds}
          onToggle={toggleUnit}
          tree={tree.data?.units ?? []}
          loading={tree.loading}
        />
        <ChoiceChips
          labels={AUDIENCE_FILTER_LABELS}
          value={form.filter}
          onChange={(v) => set('filter', v)}
          testId="notice-filter"
        />
        <Text className="notice-compose__count" data-testid="notice-recipient-count">
          {form.unitIds.length === 0 ? '请选择发送范围' : count === null ? '正在计算人数…' : `将发送给 ${count} 人`}
        </Text>
      </View>
      <SectionTitle>内容</SectionTitle>
      <View className="notice-compose__card">
        <Input
          className="notice-compose__field"
          value={form.title}
          maxlength={NOTICE_LIMITS.titleMax}
          placeholder="标题，例如：11月25日停水通知"
          onInput={(e) => set('title', e.detail.value)}
          data-testid="notice-title-input"
        />
        <Input
          className="notice-compose__field"
          value={form.summary}
          maxlength={NOTICE_LIMITS.summaryMax}
          placeholder={`摘要（${NOTICE_LIMITS.summaryMax} 字以内，用于消息提醒）`}
          onInput={(e) => set('summary', e.detail.value)}
          data-testid="notice-summary-input"
        />
        <Textarea
          className="notice-compose__text"
          value={form.body}
          maxlength={NOTICE_LIMITS.bodyMax}
          placeholder="正文：时间、范围、需要居民做什么、联系电话"
          onInput={(e) => set('body', e.detail.value)}
          data-testid="notice-body-input"
        />
        <ChoiceChips
          labels={NOTICE_CATEGORY_LABELS}
          value={form.category}
          onChange={(v) => set('category', v)}
          testId="notice-category"
        />
        <ChoiceChips
          labels={NOTICE_PRIORITY_LABELS}
          value={form.priority}
          onChange={(v) => set('priority', v)}
          testId="notice-priority"
        />
        <ChoiceChips
          labels={NOTICE_KIND_LABELS}
          value={form.kind}
          onChange={(v) => set('kind', v)}
          testId="notice-kind"
        />
        <View className="notice-compose__switch">
          <Text>需要居民确认知晓</Text>
          <Switch checked={form.ackRequired} onChange={(v) => set('ackRequired', v)} data-testid="notice-ack-switch" />
        </View>
      </View>
      <SectionTitle>图片（选填）</SectionTitle>
      <PhotoPicker
        className="notice-compose__photos"
        photos={form.photos}
        onChange={(p) => set('photos', p)}
        onUploading={() => undefined}
        max={NOTICE_LIMITS.imagesMax}
        label="图片"
        testId="notice-photo"
      />
      <ComposeExtras
        form={form}
        senderId={senderId}
        linksEvents={can(profile, 'events.manage')}
        set={set}
        setTime={setTime}
      />
      {preview ? <NoticePreview form={form} /> : null}
      <View className="notice-compose__actions">
        <Button block fill="outline" onClick={() => setPreview((p) => !p)} data-testid="notice-preview-toggle">
          {preview ? '收起预览' : '预览居民看到的样子'}
        </Button>
        <Button
          block
          type="primary"
          size="large"
          loading={saving}
          onClick={() => void publish()}
          data-testid="notice-publish"
        >
          发布
        </Button>
      </View>
    </PageShell>
  )
}
