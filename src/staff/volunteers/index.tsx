import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Button, Tabs, Tag } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { useRowAction } from '../../hooks/use-row-action'
import { formatTime } from '../../lib/dayjs'
import { confirm } from '../../lib/feedback'
import { usersService, type VolunteerApplication } from '../../services/users'
import { CommunityPicker, useReviewerCommunity } from '../community-picker'
import './index.scss'

type Status = VolunteerApplication['status']
const STATUS_TABS: { value: Status; title: string }[] = [
  { value: 'pending', title: '待审核' },
  { value: 'approved', title: '已通过' },
  { value: 'rejected', title: '未通过' },
]

export default function VolunteerReviewPage() {
  const choice = useReviewerCommunity('volunteers.review')
  const { communityId } = choice
  const [status, setStatus] = useState<Status>('pending')
  const list = useAsync(
    () =>
      communityId ? usersService.listVolunteerApplications({ communityId, status }) : Promise.resolve({ items: [] }),
    [communityId, status],
  )
  const { acting, act } = useRowAction(list.reload)
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const review = async (app: VolunteerApplication, decision: 'approve' | 'reject') => {
    const ok = await confirm(
      decision === 'approve'
        ? {
            title: '通过申请',
            content: `确定通过 ${app.applicantName} 的志愿者申请？通过后对方会收到通知。`,
            confirmText: '通过',
          }
        : {
            title: '不通过',
            content: `确定不通过 ${app.applicantName} 的申请？对方会收到通知。`,
            confirmText: '不通过',
          },
    )
    if (!ok) return
    await act(
      app.id,
      () => usersService.reviewVolunteer({ applicationId: app.id, decision }),
      decision === 'approve' ? '已通过' : '已处理',
    )
  }

  return (
    <PageShell testId="staff-volunteers-page">
      <CommunityPicker choice={choice} testId="staff-volunteers-community" />
      <Tabs value={status} onChange={(v) => setStatus(v as Status)}>
        {STATUS_TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>

      <AsyncView
        state={list}
        isEmpty={(d) => d.items.length === 0}
        empty={status === 'pending' ? '没有待审核的申请' : '暂时没有记录'}
        emptyTestId="staff-volunteers-empty"
      >
        {(d) =>
          d.items.map((app) => (
            <View key={app.id} className="review__card" data-testid={`application-${app.id}`}>
              <View className="review__head">
                <Text className="review__name">{app.applicantName}</Text>
                {app.isPartyMember ? <Tag type="danger">党员</Tag> : null}
                <Text className="review__time">{formatTime(app.createdAt)}</Text>
              </View>
              <Text className="review__line">电话：{app.applicantPhone || '未填写'}</Text>
              {app.skills.length > 0 ? <Text className="review__line">服务：{app.skills.join('、')}</Text> : null}
              {app.note ? <Text className="review__line">说明：{app.note}</Text> : null}
              {app.reason ? <Text className="review__line">意见：{app.reason}</Text> : null}
              {app.status === 'pending' ? (
                <View className="review__actions">
                  <Button
                    size="small"
                    fill="outline"
                    disabled={acting === app.id}
                    onClick={() => void review(app, 'reject')}
                    data-testid={`application-reject-${app.id}`}
                  >
                    不通过
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    loading={acting === app.id}
                    onClick={() => void review(app, 'approve')}
                    data-testid={`application-approve-${app.id}`}
                  >
                    通过
                  </Button>
                </View>
              ) : null}
            </View>
          ))
        }
      </AsyncView>
    </PageShell>
  )
}
