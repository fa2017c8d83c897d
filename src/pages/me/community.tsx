import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { refreshMe, useMe } from '../../hooks/use-me'
import { confirm, toast, toastError } from '../../lib/feedback'
import { locate } from '../../services/privacy/locate'
import { usersService, type BindCommunityInput } from '../../services/users'
import { groupCommunitiesByStreet } from './org-groups'
import './community.scss'

export default function CommunityPage() {
  const { profile } = useMe()
  const tree = useAsync(() => usersService.orgTree({ kinds: ['district', 'street', 'community'] }))
  const groups = useMemo(() => groupCommunitiesByStreet(tree.data?.units ?? []), [tree.data])
  const [busy, setBusy] = useState(false)
  usePullDownRefresh(() => {
    void tree.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const bind = async (input: BindCommunityInput) => {
    setBusy(true)
    try {
      const { community } = await usersService.bindCommunity(input)
      const me = await refreshMe()
      // Binding is where a resident says where they live: go on to 小区 and 楼栋 unless already given.
      const next = me?.address ? () => Taro.navigateBack() : () => Taro.redirectTo({ url: '/pages/places/address' })
      toast(
        me?.address ? `已选择「${community.name}」` : `已选择「${community.name}」，请接着选择小区和楼栋`,
        'success',
      )
      setTimeout(() => void next(), 800)
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  const pick = async (id: string, name: string, street: string) => {
    const ok = await confirm({ title: '选择社区', content: `确定您住在 ${street}「${name}」吗？`, confirmText: '确定' })
    if (ok) await bind({ communityId: id })
  }

  const byLocation = async () => {
    let point
    try {
      point = await locate()
    } catch (error) {
      toast(error instanceof Error ? error.message : '没有拿到您的位置', 'fail')
      return
    }
    await bind({ locate: point })
  }

  return (
    <PageShell testId="community-page">
      <View className="community__current" data-testid="community-current">
        <Text>
          当前：{profile?.community ? `${profile.community.streetName ?? ''} ${profile.community.name}` : '还没有选择'}
        </Text>
      </View>
      <View className="community__locate">
        <Button block type="primary" loading={busy} onClick={() => void byLocation()} data-testid="community-locate">
          定位我所在的社区
        </Button>
        <Text className="community__hint">也可以在下面的列表中直接选择</Text>
      </View>

      <AsyncView
        state={tree}
        loadingText="正在加载社区列表…"
        isEmpty={() => groups.length === 0}
        empty="暂时没有可以选择的社区"
      >
        {() =>
          groups.map((group) => (
            <CellGroup key={group.streetId} title={group.title}>
              {group.communities.map((c) => (
                <Cell
                  key={c.id}
                  title={c.name}
                  description={c.address ?? undefined}
                  extra={profile?.community?.id === c.id ? '当前' : undefined}
                  clickable
                  data-testid={`community-option-${c.id}`}
                  onClick={() => void pick(c.id, c.name, group.title)}
                />
              ))}
            </CellGroup>
          ))
        }
      </AsyncView>
    </PageShell>
  )
}
