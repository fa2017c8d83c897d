import Taro from '@tarojs/taro'
import { usersService } from '../services/users'

/** The 消息 tab's position in app.config.ts's tab bar. */
const INBOX_TAB = 1

/** Shows the unread count on the 消息 tab (99+ past 99), or clears it. */
export function showUnread(unread: number): void {
  // Outside a tab page some platforms refuse; the next tab page shown sets it again.
  const done = () => undefined
  if (unread > 0) void Taro.setTabBarBadge({ index: INBOX_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done)
  else void Taro.removeTabBarBadge({ index: INBOX_TAB }).catch(done)
}

/** Asks for the unread count and shows it: when a tab page shows, and after reading. */
export async function refreshUnreadBadge(): Promise<void> {
  try {
    const { unread } = await usersService.inbox({ pageSize: 1 })
    showUnread(unread)
  } catch {
    // Not signed in yet, or offline: the badge simply stays as it was.
  }
}
