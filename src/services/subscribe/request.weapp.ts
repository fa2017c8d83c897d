import Taro from '@tarojs/taro'
import type { SubscribeResult } from '../../../types/notifications'

export const SUBSCRIBE_SUPPORTED = true

const RESULTS = new Set<string>(['accept', 'reject', 'ban', 'filter'])

/**
 * `Taro.requestSubscribeMessage` for up to three templates. WeChat only shows the sheet
 * when this runs from a tap, so callers start it first thing in their tap handler, before
 * any await. Answers one result per template id (WeChat adds `errMsg`, dropped here).
 */
export async function requestGrants(templateIds: string[]): Promise<Record<string, SubscribeResult> | null> {
  if (templateIds.length === 0) return null
  const res = (await Taro.requestSubscribeMessage({
    tmplIds: templateIds.slice(0, 3),
    entityIds: [],
  })) as unknown as Record<string, string>
  const results: Record<string, SubscribeResult> = {}
  for (const id of templateIds) if (RESULTS.has(res[id] ?? '')) results[id] = res[id] as SubscribeResult
  return Object.keys(results).length ? results : null
}
