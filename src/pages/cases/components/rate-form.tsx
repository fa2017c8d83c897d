import { View, Text, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import type { Satisfaction } from '../../../../types/cases'
import { confirm, toast, toastError } from '../../../lib/feedback'
import { casesService } from '../../../services/cases'
import { CASE_LIMITS, SATISFACTION_LABELS } from '../format'
import { Tappable } from '../../../components/tappable'

const CHOICES: Satisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied']

/**
 * 一事一评 on a resolved case: 满意 / 基本满意 / 不满意, with a comment that 不满意 requires.
 * Asked to confirm, because a rating cannot be changed (styles: detail.scss).
 */
export function RateForm({ caseId, onRated }: { caseId: string; onRated(): Promise<void> }) {
  const [rating, setRating] = useState<Satisfaction | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)

  const rate = async () => {
    if (!rating) return toast('请选择满意、基本满意或不满意')
    if (rating === 'dissatisfied' && comment.trim().length < 2) return toast('请说说哪里不满意，好让承办单位改进')
    const more = rating === 'dissatisfied' ? '选择“不满意”后，诉求会退回承办单位重新办理。' : '评价后诉求结案。'
    if (
      !(await confirm({
        title: '提交评价',
        content: `您的评价是“${SATISFACTION_LABELS[rating]}”。评价提交后不能修改，${more}`,
        confirmText: '提交评价',
      }))
    )
      return
    setBusy(true)
    try {
      await casesService.rate({ caseId, value: rating, comment: comment.trim() })
      toast(rating === 'dissatisfied' ? '已退回重新办理' : '谢谢您的评价', 'success')
      await onRated()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="case-detail__card" data-testid="case-rate-form">
      <Text className="case-detail__label">请对办理结果评价（一事一评）</Text>
      <View className="case-detail__choices">
        {CHOICES.map((v) => (
          <Tappable
            key={v}
            className={`case-detail__choice ${rating === v ? 'case-detail__choice--on' : ''}`}
            testId={`case-rate-${v}`}
            onTap={() => setRating(v)}
            pressed={rating === v}
          >
            {SATISFACTION_LABELS[v]}
          </Tappable>
        ))}
      </View>
      <Textarea
        className="case-detail__input"
        value={comment}
        maxlength={CASE_LIMITS.commentMax}
        placeholder={rating === 'dissatisfied' ? '哪里还不满意？会转给承办单位' : '还想说点什么（选填）'}
        onInput={(e) => setComment(e.detail.value)}
        data-testid="case-rate-comment"
      />
      <Button block type="primary" loading={busy} onClick={() => void rate()} data-testid="case-rate-submit">
        提交评价
      </Button>
    </View>
  )
}
