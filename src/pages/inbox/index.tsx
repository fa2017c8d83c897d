import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Badge, Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { fromNow } from '../../lib/dayjs'
import { toast, toastError } from '../../lib/feedback'
import { showUnread } from '../../lib/inbox-badge'
import { usersService } from '../../services/users'
import './index.scss'

export default function InboxPage() {
  const inbox = useAsync(async () => {
    const page = await usersService.inbox({})
    // The tab's badge follows what this page shows, so it is right straight after reading.
    showUnread(page.unread)
    return page
  })
  useDidShow(() => {
    void inbox.reload()
  })
  usePullDownRefresh(() => {
    void inbox.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const unread = inbox.data?.unread ?? 0

  const open = async (id: string, read: boolean, link: string | null) => {
    if (!read) {
      try {
        await usersService.markRead({ ids: [id] })
        await inbox.reload()
      } catch (error) {
        toastError(error)
      }
    }
    if (link) void Taro.navigateTo({ url: link })
  }

  const readAll = async () => {
    try {
      await usersService.markRead({ all: true })
      toast('已全部标为已读', 'success')
      await inbox.reload()
    } catch (error) {
      toastError(error)
    }
  }

  return (
    <PageShell testId="inbox-page">
      <View className="inbox__header">
        <Text className="inbox__summary" data-testid="inbox-unread">
          {unread > 0 ? `${unread} 条未读` : '没有未读消息'}
        </Text>
        {unread > 0 ? (
          <Button size="small" fill="outline" data-testid="inbox-read-all" onClick={() => void readAll()}>
            全部已读
          </Button>
        ) : null}
      </View>

      <AsyncView
        state={inbox}
        isEmpty={(d) => d.items.length === 0}
        empty="暂时没有消息，有新进展会第一时间告诉您"
        emptyTestId="inbox-empty"
      >
        {(d) => (
          <CellGroup>
            {d.items.map((item) => (
              <Cell
                key={item.id}
                data-testid={`inbox-item-${item.id}`}
                className={item.read ? 'inbox__item' : 'inbox__item inbox__item--unread'}
                title={
                  <View className="inbox__title">
                    {item.read ? null : <Badge dot className="inbox__dot" />}
                    <Text>{item.title}</Text>
                  </View>
                }
                description={item.body}
                extra={fromNow(item.createdAt)}
                clickable
                onClick={() => void open(item.id, item.read, item.link)}
              />
            ))}
          </CellGroup>
        )}
      </AsyncView>
    </PageShell>
  )
}
