import type { SubscribeResult } from '../../../types/notifications'

/**
 * Asks WeChat for subscribe-message grants. Resolved per platform: request.weapp.ts asks;
 * here (H5) there is no subscribe message — reminders arrive in the app's 消息 — so it
 * asks nothing and answers null.
 */
export const SUBSCRIBE_SUPPORTED = false

export async function requestGrants(_templateIds: string[]): Promise<Record<string, SubscribeResult> | null> {
  return null
}
