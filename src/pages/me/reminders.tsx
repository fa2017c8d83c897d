import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import type { AskGroup } from '../../../types/notifications-labels'
import { AsyncView } from '../../components/async-view'
import { PageShell } from '../../components/page-shell'
import { useAsync } from '../../hooks/use-async'
import { askForReminders, loadReminders, SUBSCRIBE_SUPPORTED } from '../../services/subscribe'
import type { ReminderSetting } from '../../services/users'
import './reminders.scss'

/** The groups as the person thinks of them, in the order a resident meets them. */
const GROUPS: { ask: AskGroup; title: string }[] = [
  { ask: 'case', title: '我的诉求' },
  { ask: 'wish', title: '微心愿' },
  { ask: 'event', title: '活动报名' },
  { ask: 'notice', title: '社区通知' },
  { ask: 'staff', title: '工作提醒' },
]

function stateOf(s: ReminderSetting): string {
  if (!s.templateId) return '仅在「消息」中提醒'
  if (s.lastResult === 'ban') return '已在微信中关闭'
  if (s.remaining > 0) return `还可提醒 ${s.remaining} 次`
  return '未开启'
}

/**
 * 消息提醒: each kind of reminder, whether WeChat may send it now, and a button per group
 * to allow it again (each 允许 lets one message through: WeChat's one-time subscriptions).
 * On H5 there are no WeChat messages: the page says that every reminder arrives in 消息.
 */
export default function RemindersPage() {
  const settings = useAsync(loadReminders)
  usePullDownRefresh(() => {
    void settings.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const allow = (ask: AskGroup) => {
    void askForReminders(ask).then(() => settings.reload())
  }
  return (
    <PageShell testId="reminders-page">
      <View className="reminders__intro" data-testid="reminders-intro">
        <Text>
          {SUBSCRIBE_SUPPORTED
            ? '每一次「允许」可以收到一条微信提醒；提醒用完后，可以在这里再次开启。所有提醒都会同时出现在「消息」里。'
            : '网页版不能发送微信提醒：所有提醒都会出现在「消息」里，请常来看看。'}
        </Text>
      </View>
      <AsyncView state={settings}>
        {(items) =>
          GROUPS.map((g) => {
            const kinds = items.filter((s) => s.ask === g.ask)
            const banned = kinds.some((s) => s.lastResult === 'ban')
            return (
              <CellGroup key={g.ask} title={g.title} data-testid={`reminders-${g.ask}`}>
                {kinds.map((s) => (
                  <Cell key={s.kind} title={s.label} extra={stateOf(s)} data-testid={`reminder-${s.kind}`} />
                ))}
                {SUBSCRIBE_SUPPORTED && kinds.some((s) => s.templateId && s.lastResult !== 'ban') ? (
                  <View className="reminders__actions">
                    <Button fill="outline" onClick={() => allow(g.ask)} data-testid={`reminders-allow-${g.ask}`}>
                      开启{g.title}提醒
                    </Button>
                  </View>
                ) : null}
                {banned ? (
                  <Text className="reminders__hint">
                    已关闭的提醒，请在小程序右上角「…」→「设置」→「订阅消息」中重新打开。
                  </Text>
                ) : null}
              </CellGroup>
            )
          })
        }
      </AsyncView>
    </PageShell>
  )
}
