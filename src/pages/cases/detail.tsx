import { View, Text, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Loading } from '@nutui/nutui-react-taro'
import type { Satisfaction } from '../../../types/cases'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { confirm, toast, toastError } from '../../lib/feedback'
import { casesService } from '../../services/cases'
import { CaseFacts } from './components/case-facts'
import { CaseTimeline } from './components/case-timeline'
import { CASE_LIMITS, SATISFACTION_LABELS } from './format'
import './detail.scss'

const CHOICES: Satisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied']

/**
 * One of my cases: what I reported, every step on the timeline (Shanghai time, with the
 * unit), and the buttons the function allows me now — 补充说明, 我也遇到, and once it is
 * resolved the 一事一评 rating, asked to confirm because a rating cannot be changed.
 */
export default function CaseDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const detail = useAsync(() => casesService.get(id), [id])
  const [rating, setRating] = useState<Satisfaction | null>(null)
  const [comment, setComment] = useState('')
  const [noting, setNoting] = useState(false)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  usePullDownRefresh(() => {
    void detail.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      toast(done, 'success')
      await detail.reload()
      return true
    } catch (error) {
      toastError(error)
      return false
    } finally {
      setBusy(false)
    }
  }

  const rate = async () => {
    if (!rating) return toast('请选择满意、基本满意或不满意')
    if (rating === 'dissatisfied' && comment.trim().length < 2) return toast('请说说哪里不满意，好让承办单位改进')
    const more = rating === 'dissatisfied' ? '选择“不满意”后，诉求会退回承办单位重新办理。' : '评价后诉求结案。'
    if (!(await confirm({ title: '提交评价', content: `您的评价是“${SATISFACTION_LABELS[rating]}”。评价提交后不能修改，${more}`, confirmText: '提交评价' }))) return
    await run(() => casesService.rate({ caseId: id, value: rating, comment: comment.trim() }), rating === 'dissatisfied' ? '已退回重新办理' : '谢谢您的评价')
  }

  const addNote = async () => {
    if (note.trim().length < 2) return toast('请至少写 2 个字')
    if (await run(() => casesService.addNote({ caseId: id, text: note.trim() }), '已补充，承办单位会看到')) {
      setNoting(false)
      setNote('')
    }
  }

  const c = detail.data
  if (!c) {
    return (
      <PageShell testId="case-detail-page">
        {detail.error ? (
          <EmptyState error description={detail.error}>
            <Button fill="outline" onClick={() => void detail.reload()}>
              重新加载
            </Button>
          </EmptyState>
        ) : (
          <View className="case-detail__center">
            <Loading>正在加载…</Loading>
          </View>
        )}
      </PageShell>
    )
  }
  const can = new Set(c.viewer.allowedActions)

  return (
    <PageShell testId="case-detail-page" className="case-detail">
      <CaseFacts c={c} />

      {can.has('rate') ? (
        <View className="case-detail__card" data-testid="case-rate-form">
          <Text className="case-detail__label">请对办理结果评价（一事一评）</Text>
          <View className="case-detail__choices">
            {CHOICES.map((v) => (
              <Text key={v} className={`case-detail__choice ${rating === v ? 'case-detail__choice--on' : ''}`} data-testid={`case-rate-${v}`} onClick={() => setRating(v)}>
                {SATISFACTION_LABELS[v]}
              </Text>
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
      ) : null}

      {noting ? (
        <View className="case-detail__card" data-testid="case-note-form">
          <Text className="case-detail__label">补充说明（承办单位会看到）</Text>
          <Textarea className="case-detail__input" value={note} maxlength={CASE_LIMITS.replyMax} onInput={(e) => setNote(e.detail.value)} data-testid="case-note-text" />
          <View className="case-detail__buttons">
            <Button fill="outline" onClick={() => setNoting(false)}>
              取消
            </Button>
            <Button type="primary" loading={busy} onClick={() => void addNote()} data-testid="case-note-submit">
              提交
            </Button>
          </View>
        </View>
      ) : (
        <View className="case-detail__buttons">
          {can.has('addNote') ? (
            <Button fill="outline" onClick={() => setNoting(true)} data-testid="case-action-addNote">
              补充说明
            </Button>
          ) : null}
          {can.has('follow') ? (
            <Button type="primary" loading={busy} onClick={() => void run(() => casesService.follow(id), '已关注，办结时会通知您')} data-testid="case-action-follow">
              我也遇到
            </Button>
          ) : null}
        </View>
      )}

      <View className="section-title">办理进度</View>
      <View className="case-detail__card">
        <CaseTimeline entries={c.timeline} />
      </View>
    </PageShell>
  )
}
