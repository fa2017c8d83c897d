import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { NOTICE_STATUS_LABELS } from '../../../types/notices-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell, SectionTitle } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { formatTime } from '../../lib/dayjs'
import { confirm, toast, toastError } from '../../lib/feedback'
import { noticesService } from '../../services/notices'
import { deliverExport, EXPORT_AS_LINK } from '../cases/export-file'
import { EditForm } from './components/edit-form'
import { NotReachedList } from './components/not-reached-list'
import { noticeFacts } from './when'
import { ProgressForm } from './components/progress-form'
import { ReachTable } from './components/reach-table'
import { Tappable } from '../../components/tappable'
import './detail.scss'

/** 通知触达: the notice, its approval and withdrawal, who it reached and who still needs a call. */
export default function StaffNoticeDetailPage() {
  const params = useRouter().params
  const id = decodeURIComponent(params.id ?? '')
  const unitId = params.unitId ? decodeURIComponent(params.unitId) : undefined
  const notice = useAsync(() => noticesService.staffGet(id), [id])
  const reach = useAsync(() => noticesService.reach(id, unitId), [id, unitId])
  const missing = useAsync(() => noticesService.notReached({ noticeId: id, unitId }), [id, unitId])
  const [reason, setReason] = useState('')
  const [link, setLink] = useState<string | null>(null)
  const reload = () => Promise.all([notice.reload(), reach.reload(), missing.reload()])
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      toast(done, 'success')
      await reload()
    } catch (e) {
      toastError(e)
    }
  }
  const withdraw = async () => {
    if (!reason.trim()) return toast('请填写撤回原因，打开过通知的居民会看到它')
    if (
      await confirm({
        title: '撤回通知',
        content: `撤回后居民不再能看到正文，已读的人会收到“已撤回：${reason.trim()}”。`,
        confirmText: '撤回',
      })
    ) {
      await run(() => noticesService.withdraw(id, reason.trim()), '已撤回')
    }
  }
  // A grid's or 小区's own page: its 楼栋 and the people there not reached yet.
  const openUnit = (u: string) =>
    void (u === unitId
      ? undefined
      : Taro.navigateTo({ url: `/staff/notices/detail?id=${encodeURIComponent(id)}&unitId=${encodeURIComponent(u)}` }))
  const exportReport = () =>
    run(async () => setLink(await deliverExport(await noticesService.exportReach(id))), '已导出')

  return (
    <PageShell testId="staff-notice-detail-page" className="staff-notice">
      <AsyncView state={notice}>
        {(n) => (
          <View className="staff-notice__card">
            <View className="staff-notice__head">
              <Tag type="primary">{NOTICE_STATUS_LABELS[n.status]}</Tag>
              {n.needsApproval ? <Text className="staff-notice__meta">{n.approvalReason}</Text> : null}
            </View>
            <Text className="staff-notice__title">{n.title}</Text>
            <Text className="staff-notice__meta">
              发送范围：{n.audience.unitNames.join('、')}
              {n.withdrawnReason ? ` · 撤回原因：${n.withdrawnReason}` : ''}
            </Text>
            {noticeFacts(n, formatTime).map((fact) => (
              <Text key={fact} className="staff-notice__meta">
                {fact}
              </Text>
            ))}
            {n.can.includes('edit') ? (
              <EditForm
                key={n.version}
                notice={n}
                onSubmit={(edit) =>
                  run(
                    () => noticesService.edit({ noticeId: n.id, ...edit }),
                    edit.material ? '已修改，已读的居民会收到更新' : '已修改',
                  )
                }
              />
            ) : null}
            {n.can.includes('approve') ? (
              <Button
                type="primary"
                data-testid="notice-approve"
                onClick={() => void run(() => noticesService.approve(n.id), '已审核发布')}
              >
                审核通过并发布
              </Button>
            ) : null}
            {n.can.includes('addProgress') ? (
              <ProgressForm
                onSubmit={(text) =>
                  run(() => noticesService.addProgress(n.id, text), '已更新进展，关注的居民会收到提醒')
                }
              />
            ) : null}
            {n.can.includes('withdraw') ? (
              <View className="staff-notice__withdraw">
                <Input
                  className="staff-notice__field"
                  value={reason}
                  placeholder="撤回原因"
                  onInput={(e) => setReason(e.detail.value)}
                />
                <Button fill="outline" onClick={() => void withdraw()}>
                  撤回
                </Button>
              </View>
            ) : null}
          </View>
        )}
      </AsyncView>
      <SectionTitle>触达情况</SectionTitle>
      <View className="staff-notice__card">
        <AsyncView state={reach}>{(r) => <ReachTable reach={r} onOpenUnit={openUnit} />}</AsyncView>
        <Button fill="outline" onClick={() => void exportReport()}>
          导出触达报表
        </Button>
        {EXPORT_AS_LINK && link ? (
          <Tappable
            className="staff-notice__link"
            testId="notice-export-link"
            onTap={() => window.open(link, '_blank')}
            role="link"
          >
            下载触达报表
          </Tappable>
        ) : null}
      </View>
      <SectionTitle>未触达的居民</SectionTitle>
      <View className="staff-notice__card">
        <AsyncView state={missing}>
          {(m) => <NotReachedList noticeId={id} items={m.items} total={m.total} onChange={() => void reload()} />}
        </AsyncView>
      </View>
    </PageShell>
  )
}
