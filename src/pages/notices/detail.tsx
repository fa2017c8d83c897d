import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { formatTime } from '../../lib/dayjs'
import { toast, toastError } from '../../lib/feedback'
import { noticesService, type NoticeDetail } from '../../services/notices'
import { NoticeBody } from './components/notice-body'
import { caseFromNoticeUrl, NOTICE_RECORDING_NOTE } from './format'
import './detail.scss'

/** 通知详情: opening it records that I read it; 我已知晓 where asked; share; 有问题？我要反映. */
export default function NoticeDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const notice = useAsync(() => noticesService.get(id), [id])
  const [busy, setBusy] = useState(false)
  usePullDownRefresh(() => {
    void notice.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({
    title: notice.data?.title ?? '社区通知',
    path: `/pages/notices/detail?id=${encodeURIComponent(id)}`,
  }))

  const act = async (run: () => Promise<NoticeDetail>, done: string) => {
    setBusy(true)
    try {
      await run()
      toast(done, 'success')
      await notice.reload()
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell testId="notice-detail-page" className="notice-detail">
      <AsyncView state={notice}>
        {(n) =>
          n.withdrawn ? (
            <View className="notice-detail__card" data-testid="notice-withdrawn">
              <Text className="notice-detail__title">{n.title}</Text>
              <Text className="notice-detail__body">这条通知已撤回：{n.withdrawnReason}</Text>
            </View>
          ) : (
            <View>
              <NoticeBody notice={n} />
              <View className="notice-detail__actions">
                {n.ackRequired ? (
                  n.acknowledged ? (
                    <Text className="notice-detail__acked" data-testid="notice-acked">
                      ✓ 您已于 {formatTime(n.acknowledgedAt ?? '')} 确认知晓
                    </Text>
                  ) : (
                    <Button
                      block
                      type="primary"
                      size="large"
                      loading={busy}
                      data-testid="notice-ack"
                      onClick={() => void act(() => noticesService.acknowledge(n.id), '已确认知晓')}
                    >
                      我已知晓{n.ackDeadline ? `（请在 ${formatTime(n.ackDeadline)} 前确认）` : ''}
                    </Button>
                  )
                ) : null}
                {n.kind === 'publicity' ? (
                  <Button
                    block
                    fill="outline"
                    loading={busy}
                    data-testid="notice-follow"
                    onClick={() =>
                      void act(
                        () => noticesService.follow(n.id, !n.following),
                        n.following ? '已取消关注' : '有新进展会通知您',
                      )
                    }
                  >
                    {n.following ? '取消关注进展' : '关注进展'}
                  </Button>
                ) : null}
                <Button
                  block
                  fill="outline"
                  data-testid="notice-report"
                  onClick={() => void Taro.navigateTo({ url: caseFromNoticeUrl(n) })}
                >
                  有问题？我要反映
                </Button>
                <Button block fill="none" openType="share">
                  转发给邻居
                </Button>
              </View>
              <Text className="notice-detail__note" data-testid="notice-recording-note">
                {NOTICE_RECORDING_NOTE}
              </Text>
            </View>
          )
        }
      </AsyncView>
    </PageShell>
  )
}
