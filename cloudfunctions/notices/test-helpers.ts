import type { NoticeDetail, NoticeStaffView, Reach } from '../../types/notices'
import type { Envelope } from '../../types/envelope'
import { UNIT_IDS } from '../../demo/org'
import { createTestEnv, type TestEnv } from '../core/testing'
import { NOTICE_COLLECTIONS, type ReceiptDoc } from './collections'
import { notices } from './index'

/*
 * Shared set-up for the notices function tests: the demo org and accounts (王秀兰 and 张志强
 * in 东县门第一网格, 李建国 in the second), the clock at 10:00 Shanghai on 2026-11-22.
 */

export const NOW = '2026-11-22T02:00:00.000Z'
export const C = UNIT_IDS.dongxianmen
export const G1 = UNIT_IDS.dongxianmenGrid1
export const G2 = UNIT_IDS.dongxianmenGrid2
export const STREET = UNIT_IDS.baishulin

/** 王秀兰 or another resident allows `remaining` notice subscribe messages. */
export function grantNoticePush(env: TestEnv, openid: string, remaining: number): Promise<unknown> {
  return env.rt.db
    .collection('subscriptions')
    .doc(`${openid}:demo-noticeUrgent`)
    .set({ openid, templateId: 'demo-noticeUrgent', remaining, accepted: remaining, rejected: 0, updatedAt: '' })
}

export function draft(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    action: 'create',
    unitId: C,
    title: '东县门社区停水通知',
    body: '因供水管网维修，11月25日8:00至18:00第一网格停水，请提前储水。',
    summary: '25日白天停水',
    category: 'water_power',
    audience: { unitIds: [G1] },
    ...over,
  }
}

export interface NoticesHarness {
  env: TestEnv
  act<T = NoticeStaffView>(openid: string, action: string, input?: Record<string, unknown>): Promise<Envelope<T>>
  /** Creates and publishes as `openid`; throws when either step fails. */
  publish(openid: string, over?: Record<string, unknown>): Promise<NoticeStaffView>
  open(openid: string, noticeId: string): Promise<Envelope<NoticeDetail>>
  receipts(noticeId: string): Promise<ReceiptDoc[]>
  /** The reach totals as the function answers them, and as recounted from the receipts. */
  reachRecount(noticeId: string, asOpenid?: string): Promise<{ answered: Reach['total']; recounted: Reach['total'] }>
}

function ok<T>(res: Envelope<T>, what: string): T {
  if (!res.ok) throw new Error(`${what} failed: ${JSON.stringify(res.error)}`)
  return res.data
}

export async function noticesHarness(): Promise<NoticesHarness> {
  const env = await createTestEnv({ now: NOW, functions: { notices } })
  const act = <T>(openid: string, action: string, input: Record<string, unknown> = {}) =>
    env.call<T>(openid, 'notices', { action, ...input })
  const receipts = (noticeId: string) => env.docs<ReceiptDoc>(NOTICE_COLLECTIONS.receipts, { noticeId })
  return {
    env,
    act,
    async publish(openid, over = {}) {
      const created = ok(await env.call<NoticeStaffView>(openid, 'notices', draft(over)), 'create')
      return ok(await act<NoticeStaffView>(openid, 'publish', { noticeId: created.id }), 'publish')
    },
    open: (openid, noticeId) => act<NoticeDetail>(openid, 'get', { noticeId }),
    receipts,
    async reachRecount(noticeId, asOpenid = 'demo-secretary-1') {
      const answered = ok(await act<Reach>(asOpenid, 'reach', { noticeId }), 'reach').total
      const rs = await receipts(noticeId)
      const n = (f: (r: ReceiptDoc) => boolean) => rs.filter(f).length
      return {
        answered,
        recounted: {
          recipients: rs.length,
          delivered: rs.length,
          read: n((r) => r.read),
          acknowledged: n((r) => r.acked),
          followedUp: n((r) => r.reachedBy === 'follow_up'),
          notReached: n((r) => r.reachedBy === 'none'),
          pushed: n((r) => r.push === 'queued'),
          noPermission: n((r) => r.push === 'no_grant'),
        },
      }
    },
  }
}
