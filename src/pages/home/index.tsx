import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { EmptyState } from '../../components/empty-state'
import { PageShell } from '../../components/page-shell'
import { useMe, refreshMe } from '../../hooks/use-me'
import { refreshUnreadBadge } from '../../lib/inbox-badge'
import { shanghaiHour } from '../../lib/shanghai-clock'
import { greeting } from './greeting'
import { HomeServers } from '../places/components/home-servers'
import { HOME_ENTRIES } from './entries'
import { NoticesEntry } from './notices-entry'
import { Tappable } from '../../components/tappable'
import './index.scss'

export default function HomePage() {
  const { profile, loading, error } = useMe()
  useDidShow(() => {
    void refreshMe()
    void refreshUnreadBadge()
  })
  usePullDownRefresh(() => {
    void refreshMe().finally(() => Taro.stopPullDownRefresh())
  })

  const hello = greeting(shanghaiHour())
  const community = profile?.community

  return (
    <PageShell testId="home-page">
      <View className="home__banner">
        <Text className="home__greeting" data-testid="home-greeting">
          {hello}
          {profile?.name ? `，${profile.name}` : ''}
        </Text>
        <Text className="home__slogan">民有所呼，我有所行</Text>
      </View>

      <NoticesEntry />

      <CellGroup title="我的社区">
        {community ? (
          <Cell
            data-testid="home-community"
            title={community.name}
            description={[community.districtName, community.streetName].filter(Boolean).join(' · ')}
            extra="更换"
            clickable
            onClick={() => Taro.navigateTo({ url: '/pages/me/community' })}
          />
        ) : (
          <Cell
            data-testid="home-community"
            title={loading && !profile ? '正在加载…' : '还没有选择社区'}
            description={error ?? '选择社区后可以看到本社区的服务和通知'}
            extra={loading && !profile ? undefined : '去选择'}
            clickable
            onClick={() => Taro.navigateTo({ url: '/pages/me/community' })}
          />
        )}
      </CellGroup>

      <HomeServers profile={profile} />

      <CellGroup title="社区服务">
        {HOME_ENTRIES.length > 0 ? (
          <View className="home__entries">
            {HOME_ENTRIES.map((entry) => (
              <Tappable
                key={entry.id}
                className="home__entry"
                testId={`home-entry-${entry.id}`}
                hoverClass="home__entry--pressed"
                role="link"
                onTap={() => void Taro.navigateTo({ url: entry.url })}
              >
                <Text className="home__entry-icon">{entry.icon}</Text>
                <View className="home__entry-body">
                  <Text className="home__entry-title">{entry.title}</Text>
                  <Text className="home__entry-desc">{entry.description}</Text>
                </View>
              </Tappable>
            ))}
          </View>
        ) : (
          <EmptyState testId="home-entries-empty" description="更多服务即将上线" />
        )}
      </CellGroup>

      {error && !profile ? (
        <View className="home__retry">
          <Button fill="outline" onClick={() => void refreshMe()}>
            重新加载
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
