import { View, Text, Input, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Loading, Switch, Tabs, Tag } from '@nutui/nutui-react-taro'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { formatTime } from '../../lib/dayjs'
import { confirm, toast, toastError } from '../../lib/feedback'
import { wishesService, type Digest, type WishDetail } from '../../services/wishes'
import { categoryLabel, formatNeededBy } from '../../pages/wishes/format'
import { CommunityPicker, useReviewerCommunity } from '../community-picker'
import { openExport } from './open-export'
import './index.scss'

type Tab = 'review' | 'digests'

/**
 * 心愿审核 (staff subpackage): the community's wishes waiting for review — approve, or
 * reject with a reason the wisher sees — the review switch, and the digests of wishes
 * nobody claimed, to export as Excel and record as sent to partner units.
 */
export default function WishReviewPage() {
  const { params } = useRouter()
  const { communities, communityId, setCommunityId, current, loading } = useReviewerCommunity(
    'wishes.review',
    params.communityId ? decodeURIComponent(params.communityId) : null,
  )
  const [tab, setTab] = useState<Tab>(params.tab === 'digests' ? 'digests' : 'review')
  return (
    <PageShell testId="staff-wishes-page">
      <CommunityPicker communities={communities} current={current} loading={loading} onChange={setCommunityId} />
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)}>
        <Tabs.TabPane value="review" title="待审核" />
        <Tabs.TabPane value="digests" title="未认领汇总" />
      </Tabs>
      {communityId ? tab === 'review' ? <ReviewQueue communityId={communityId} /> : <Digests communityId={communityId} /> : null}
    </PageShell>
  )
}

function ReviewQueue({ communityId }: { communityId: string }) {
  const queue = useAsync(() => wishesService.reviewQueue({ communityId }), [communityId])
  const settings = useAsync(() => wishesService.settings(communityId), [communityId])
  const [rejecting, setRejecting] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [acting, setActing] = useState<string | null>(null)
  usePullDownRefresh(() => {
    void queue.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const decide = async (w: WishDetail, decision: 'approve' | 'reject') => {
    if (decision === 'reject' && reason.trim().length < 2) return toast('请写明不通过的原因，心愿人会看到')
    setActing(w.id)
    try {
      await wishesService.review(decision === 'approve' ? { wishId: w.id, decision } : { wishId: w.id, decision, reason: reason.trim() })
      toast(decision === 'approve' ? '已通过，心愿已上墙' : '已告知心愿人', 'success')
      setRejecting(null)
      setReason('')
      await queue.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setActing(null)
    }
  }

  const toggleReview = async (on: boolean) => {
    const ok = await confirm({
      title: on ? '开启审核' : '关闭审核',
      content: on ? '开启后，每个心愿都要经社区审核才能上墙。' : '关闭后，通过内容安全检查的心愿直接上墙；有风险提示的仍需审核。',
    })
    if (!ok) return
    try {
      await wishesService.updateSettings({ communityId, settings: { reviewRequired: on } })
      await settings.reload()
    } catch (error) {
      toastError(error)
    }
  }

  const items = queue.data?.items ?? []
  return (
    <View>
      {settings.data ? (
        <CellGroup>
          <Cell
            title="心愿需社区审核后上墙"
            description={`每人最多同时认领 ${settings.data.claimLimit} 个，认领 ${settings.data.claimDays} 天内完成`}
            extra={<Switch checked={settings.data.reviewRequired} onChange={(on) => void toggleReview(on)} data-testid="staff-wishes-review-switch" />}
          />
        </CellGroup>
      ) : null}
      {queue.loading && !queue.data ? (
        <View className="staff-wishes__center">
          <Loading>正在加载…</Loading>
        </View>
      ) : queue.error ? (
        <EmptyState error description={queue.error} />
      ) : items.length === 0 ? (
        <EmptyState testId="staff-wishes-empty" description="没有待审核的心愿" />
      ) : (
        items.map((w) => (
          <View key={w.id} className="staff-wishes__card" data-testid={`review-wish-${w.id}`}>
            <View className="staff-wishes__head">
              <Tag type="danger" plain>
                {categoryLabel(w.category)}
              </Tag>
              {w.contentVerdict === 'review' ? <Tag type="warning">需人工复核</Tag> : null}
              <Text className="staff-wishes__time">{formatTime(w.createdAt)}</Text>
            </View>
            <Text className="staff-wishes__text">{w.text}</Text>
            <Text className="staff-wishes__meta">
              心愿人：{w.wisherName} · {formatNeededBy(w.neededBy)}
            </Text>
            {rejecting === w.id ? (
              <Textarea className="staff-wishes__input" value={reason} maxlength={100} placeholder="不通过的原因（心愿人会看到）" onInput={(e) => setReason(e.detail.value)} data-testid="review-reason" />
            ) : null}
            <View className="staff-wishes__actions">
              {rejecting === w.id ? (
                <>
                  <Button size="small" fill="outline" onClick={() => setRejecting(null)}>
                    取消
                  </Button>
                  <Button size="small" type="primary" loading={acting === w.id} onClick={() => void decide(w, 'reject')} data-testid={`review-reject-confirm-${w.id}`}>
                    确定不通过
                  </Button>
                </>
              ) : (
                <>
                  <Button size="small" fill="outline" disabled={acting === w.id} onClick={() => setRejecting(w.id)} data-testid={`review-reject-${w.id}`}>
                    不通过
                  </Button>
                  <Button size="small" type="primary" loading={acting === w.id} onClick={() => void decide(w, 'approve')} data-testid={`review-approve-${w.id}`}>
                    通过
                  </Button>
                </>
              )}
            </View>
          </View>
        ))
      )}
    </View>
  )
}

function Digests({ communityId }: { communityId: string }) {
  const digests = useAsync(() => wishesService.digests(communityId), [communityId])
  const [sending, setSending] = useState<string | null>(null)
  const [recipients, setRecipients] = useState('')

  const exportOne = async (d: Digest) => {
    try {
      const file = await wishesService.exportDigest(d.id)
      await openExport(file)
      toast(`已导出 ${file.rows} 条`, 'success')
    } catch (error) {
      toastError(error)
    }
  }

  const send = async (d: Digest) => {
    const names = recipients.split(/[，,、\s]+/).map((s) => s.trim()).filter(Boolean)
    if (names.length === 0) return toast('请填写接收单位，多个用顿号隔开')
    try {
      await wishesService.sendDigest(d.id, names)
      toast('已记录发送', 'success')
      setSending(null)
      setRecipients('')
      await digests.reload()
    } catch (error) {
      toastError(error)
    }
  }

  const items = digests.data?.items ?? []
  if (digests.loading && !digests.data) return <Loading>正在加载…</Loading>
  if (items.length === 0) return <EmptyState description="超过期限无人认领的心愿会定期汇总到这里" />
  return (
    <View>
      {items.map((d) => (
        <View key={d.id} className="staff-wishes__card" data-testid={`digest-${d.id}`}>
          <Text className="staff-wishes__text">
            {d.period} 汇总 · {d.wishIds.length} 个心愿
          </Text>
          <Text className="staff-wishes__meta">{d.sentAt ? `已于 ${formatTime(d.sentAt)} 发送给：${d.sentTo.join('、')}` : '尚未发送'}</Text>
          {sending === d.id ? (
            <Input className="staff-wishes__input" value={recipients} placeholder="接收单位，如：区妇联、东县门小学" onInput={(e) => setRecipients(e.detail.value)} />
          ) : null}
          <View className="staff-wishes__actions">
            <Button size="small" fill="outline" onClick={() => void exportOne(d)}>
              导出 Excel
            </Button>
            <Button size="small" type="primary" onClick={() => (sending === d.id ? void send(d) : setSending(d.id))}>
              {sending === d.id ? '确定发送' : '打包发送相关单位'}
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
