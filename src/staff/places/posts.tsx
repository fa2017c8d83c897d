import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { PLACE_POST_LABELS } from '../../../types/places-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { confirm, toast, toastError } from '../../lib/feedback'
import { placesService, type PostView } from '../../services/places'
import { CommunityPicker, useReviewerCommunity } from '../community-picker'
import { AssignForm } from './assign-form'
import './places.scss'

/** 岗位设置: 楼栋长、红色管家、党员中心户、服务长、联系长 and the 民警/法律顾问/物业 contacts. */
export default function PostsPage() {
  const choice = useReviewerCommunity('places.manage')
  const { communityId } = choice
  const data = useAsync(
    async () =>
      communityId
        ? Promise.all([
            placesService.posts(communityId),
            placesService.places(communityId),
            placesService.residents({ unitId: communityId, status: 'confirmed', pageSize: 200 }),
          ])
        : null,
    [communityId],
  )
  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const remove = async (p: PostView) => {
    const ok = await confirm({
      title: '撤下岗位',
      content: `撤下 ${p.unitName} 的${PLACE_POST_LABELS[p.post]}「${p.name}」？`,
      confirmText: '撤下',
    })
    if (!ok) return
    try {
      await placesService.removePost(p.id)
      toast('已撤下', 'success')
      await data.reload()
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <PageShell testId="staff-posts-page">
      <CommunityPicker choice={choice} testId="staff-posts-community" />
      <AsyncView state={data} isEmpty={(d) => d === null} empty="没有可管理的社区">
        {(d) => (
          <>
            <AssignForm
              estates={d![1].estates}
              residents={d![2].items}
              onAssigned={() => {
                toast('已设置', 'success')
                void data.reload()
              }}
            />
            <View className="staff-places__bar">
              <Text className="staff-places__name">{`已设岗位（${d![0].items.length}）`}</Text>
            </View>
            {d![0].items.map((p) => (
              <View key={p.id} className="staff-places__card" data-testid={`post-${p.post}-${p.name}`}>
                <Text className="staff-places__name">{`${PLACE_POST_LABELS[p.post]} · ${p.name}`}</Text>
                <Text className="staff-places__line">{`${p.unitName} · ${p.phoneHidden ? '电话未公开' : p.phone}`}</Text>
                <View className="staff-places__actions">
                  <Button size="small" fill="outline" onClick={() => void remove(p)}>
                    撤下
                  </Button>
                </View>
              </View>
            ))}
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
