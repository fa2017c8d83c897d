import { kindsToAsk, type AskGroup } from '../../../types/notifications-labels'
import { createStore } from '../../lib/store'
import { usersService, type ReminderSetting } from '../users'
import { requestGrants, SUBSCRIBE_SUPPORTED } from './request'

export { SUBSCRIBE_SUPPORTED }

/** The person's 消息提醒 settings, loaded once and refreshed after every grant. */
export const remindersStore = createStore<ReminderSetting[] | null>(null)

export async function loadReminders(): Promise<ReminderSetting[]> {
  const { items } = await usersService.reminders({})
  remindersStore.set(items)
  return items
}

/**
 * The template ids one tap may ask for: the group's kinds this deployment sends by
 * subscribe message, leaving out those the person turned off in WeChat (ban) — asking
 * again would only nag.
 */
export function templatesToAsk(settings: readonly ReminderSetting[] | null, group: AskGroup): string[] {
  const kinds = new Set<string>(kindsToAsk(group))
  return (settings ?? [])
    .filter((s) => kinds.has(s.kind) && s.templateId && s.lastResult !== 'ban')
    .map((s) => s.templateId!)
}

/**
 * Asks for the group's subscribe messages (受理/进度/办结 for a 诉求 …) and records the
 * answers. Call it first thing in a tap handler, without awaiting it before the tap's own
 * work: WeChat shows its sheet only from a tap, and a refusal must not stop the action.
 */
export function askForReminders(group: AskGroup): Promise<void> {
  const ids = templatesToAsk(remindersStore.get(), group)
  if (!SUBSCRIBE_SUPPORTED || ids.length === 0) return Promise.resolve()
  return requestGrants(ids)
    .then(async (results) => {
      if (results) await usersService.recordSubscription({ results })
      await loadReminders()
    })
    .catch(() => undefined)
}
