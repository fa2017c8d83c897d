import { useEffect } from 'react'
import { useStore } from '../lib/store'
import { loadReminders, remindersStore } from '../services/subscribe'

/**
 * The person's 消息提醒 settings, loaded when a page that asks for reminders opens, so the
 * template ids are at hand the moment the person taps (WeChat's sheet needs the tap).
 */
export function useReminders() {
  const settings = useStore(remindersStore)
  useEffect(() => {
    if (!remindersStore.get()) void loadReminders().catch(() => undefined)
  }, [])
  return settings
}
