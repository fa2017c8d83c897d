import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Tabs } from '@nutui/nutui-react-taro'
import { PageShell } from '../../components/page-shell'
import { CommunityPicker, useReviewerCommunity } from '../community-picker'
import { Digests } from './components/digests'
import { ReviewQueue } from './components/review-queue'
import './index.scss'

type Tab = 'review' | 'digests'

/**
 * 心愿审核 (staff subpackage): the community's wishes waiting for review — approve, or
 * reject with a reason the wisher sees — the review switch, and the digests of wishes
 * nobody claimed, to export as Excel and record as sent to partner units.
 */
export default function WishReviewPage() {
  const { params } = useRouter()
  const choice = useReviewerCommunity(
    'wishes.review',
    params.communityId ? decodeURIComponent(params.communityId) : null,
  )
  const { communityId } = choice
  const [tab, setTab] = useState<Tab>(params.tab === 'digests' ? 'digests' : 'review')
  return (
    <PageShell testId="staff-wishes-page">
      <CommunityPicker choice={choice} testId="staff-wishes-community" />
      <Tabs value={tab} onChange={(v) => setTab(v as Tab)}>
        <Tabs.TabPane value="review" title="待审核" />
        <Tabs.TabPane value="digests" title="未认领汇总" />
      </Tabs>
      {communityId ? (
        tab === 'review' ? (
          <ReviewQueue communityId={communityId} />
        ) : (
          <Digests communityId={communityId} />
        )
      ) : null}
    </PageShell>
  )
}
