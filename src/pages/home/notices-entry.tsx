import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useAsync } from '../../hooks/use-async'
import { noticesService } from '../../services/notices'
import { Tappable } from '../../components/tappable'
import './notices-entry.scss'

/**
 * 首页's part of 社区通知: a red banner while a 紧急 notice is in effect, and the 社区通知
 * entry with the unread count. Signed-out or failing, it still offers the entry.
 */
export function NoticesEntry() {
  const home = useAsync(() => noticesService.home(), [])
  useDidShow(() => {
    void home.reload()
  })
  const urgent = home.data?.urgent
  const unread = home.data?.unread ?? 0
  const go = (url: string) => void Taro.navigateTo({ url })
  return (
    <View>
      {urgent ? (
        <Tappable
          className="home-urgent"
          testId="home-urgent"
          hoverClass="home-urgent--pressed"
          role="link"
          onTap={() => go(`/pages/notices/detail?id=${encodeURIComponent(urgent.id)}`)}
        >
          <Text className="home-urgent__label">紧急通知</Text>
          <Text className="home-urgent__title">{urgent.title}</Text>
          <Text className="home-urgent__more">{urgent.read ? '点击查看详情' : '您还没有阅读，点击查看'}</Text>
        </Tappable>
      ) : null}
      <Tappable
        className="home-notices"
        testId="home-entry-notices"
        hoverClass="home-notices--pressed"
        role="link"
        onTap={() => go('/pages/notices/index')}
      >
        <Text className="home-notices__icon">📢</Text>
        <View className="home-notices__body">
          <Text className="home-notices__title">社区通知</Text>
          <Text className="home-notices__desc">停水停电、安全提醒、公示公告</Text>
        </View>
        {unread > 0 ? (
          <Text className="home-notices__badge" data-testid="home-notices-unread">
            {unread > 99 ? '99+' : unread} 条未读
          </Text>
        ) : null}
      </Tappable>
    </View>
  )
}
