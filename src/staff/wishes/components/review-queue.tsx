import { View, Text, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Cell, CellGroup, Switch, Tag } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../../components/async-view'
import { useAsync } from '../../../hooks/use-async'
import { formatTime } from '../../../lib/dayjs'
import { confirm, toast, toastError } from '../../../lib/feedback'
import { wishesService, type WishDetail } from '../../../services/wishes'
import { categoryLabel, formatNeededBy } from '../../../pages/wishes/format'

/**
 * The wishes waiting for this community's review: approve, or reject with a reason the
 * wisher sees; and the switch that says whether every wish needs review (styles: index.scss).
 */
export function ReviewQueue({ communityId }: { communityId: string }) {
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
      await wishesService.review(
        decision === 'approve' ? { wishId: w.id, decision } : { wishId: w.id, decision, reason: reason.trim() },
      )
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
      content: on
        ? '开启后，每个心愿都要经社区审核才能上墙。'
        : '关闭后，通过内容安全检查的心愿直接上墙；有风险提示的仍需审核。',
    })
    if (!ok) return
    try {
      await wishesService.updateSettings({ communityId, settings: { reviewRequired: on } })
      await settings.reload()
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <View>
      {settings.data ? (
        <CellGroup>
          <Cell
            title="心愿需社区审核后上墙"
            description={`每人最多同时认领 ${settings.data.claimLimit} 个，认领 ${settings.data.claimDays} 天内完成`}
            extra={
              <Switch
                checked={settings.data.reviewRequired}
                onChange={(on) => void toggleReview(on)}
                data-testid="staff-wishes-review-switch"
              />
            }
          />
        </CellGroup>
      ) : null}
      <AsyncView
        state={queue}
        isEmpty={(d) => d.items.length === 0}
        empty="没有待审核的心愿"
        emptyTestId="staff-wishes-empty"
      >
        {(d) =>
          d.items.map((w) => (
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
                <Textarea
                  className="staff-wishes__input"
                  value={reason}
                  maxlength={100}
                  placeholder="不通过的原因（心愿人会看到）"
                  onInput={(e) => setReason(e.detail.value)}
                  data-testid="review-reason"
                />
              ) : null}
              <View className="staff-wishes__actions">
                {rejecting === w.id ? (
                  <>
                    <Button size="small" fill="outline" onClick={() => setRejecting(null)}>
                      取消
                    </Button>
                    <Button
                      size="small"
                      type="primary"
                      loading={acting === w.id}
                      onClick={() => void decide(w, 'reject')}
                      data-testid={`review-reject-confirm-${w.id}`}
                    >
                      确定不通过
                    </Button>
                  </>
                ) : (
                  <>
                    <Button
                      size="small"
                      fill="outline"
                      disabled={acting === w.id}
                      onClick={() => setRejecting(w.id)}
                      data-testid={`review-reject-${w.id}`}
                    >
                      不通过
                    </Button>
                    <Button
                      size="small"
                      type="primary"
                      loading={acting === w.id}
                      onClick={() => void decide(w, 'approve')}
                      data-testid={`review-approve-${w.id}`}
                    >
                      通过
                    </Button>
                  </>
                )}
              </View>
            </View>
          ))
        }
      </AsyncView>
    </View>
  )
}
