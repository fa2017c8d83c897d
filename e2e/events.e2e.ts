import type { Page } from 'playwright-core'
import { events } from '../cloudfunctions/events'
import { confirmDialog, flow, inputByTestId, loginAs, phoneContext, signedIn, startApp, type E2eApp } from './harness'

/** A Shanghai date `days` from today, `YYYY-MM-DD`. */
const shanghaiDate = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)

/*
 * 活动报名 end to end on the real host: one seat, 王秀兰 takes it from 首页, 李建国 waits
 * first in line; when 王秀兰 cancels he is offered the seat and confirms it. Then the
 * secretary plans a weekly 周一课堂 of three occurrences, finds them in 活动管理 and skips one.
 */

describe('活动报名', () => {
  let app: E2eApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.close())

  /** One published event with a single seat, made by the secretary through the function. */
  async function oneSeatEvent(title: string): Promise<string> {
    const as = async (event: Record<string, unknown>) => {
      const res = await events.invoke(event, { openid: 'demo-secretary-1' }, app.host.runtime)
      if (!res.ok) throw new Error(`${String(event.action)}: ${res.error.message}`)
      return res.data as { id: string }
    }
    const { id } = await as({
      action: 'create',
      unitId: 'c-dongxianmen',
      kind: 'bench_meeting',
      title,
      place: { name: '社区活动室', address: '东县门街12号', location: null },
      capacity: 1,
      date: shanghaiDate(3),
      startTime: '14:30',
      endTime: '16:00',
      organiser: { name: '陈静', phone: '02987654321' },
    })
    await as({ action: 'publish', eventId: id })
    return id
  }

  flow(
    () => app,
    'should sign up the last seat, waitlist the next resident and give him the seat when it frees',
    async ({ page, pageErrors }) => {
      const id = await oneSeatEvent('板凳会：楼院停车怎么管')
      const status = (p: Page, text: string) => p.getByTestId('event-my-status').filter({ hasText: text }).waitFor()

      await loginAs(page, 'demo-resident-1')
      await page.getByTestId('home-entry-events').click()
      await page.getByTestId(`event-card-status-${id}`).filter({ hasText: '剩余 1 席' }).waitFor()
      await page.getByTestId(`event-card-${id}`).click()
      await page.getByTestId('event-signup').filter({ hasText: '立即报名' }).click()
      await status(page, '已报名 ✓')

      // 李建国 on his own phone: a context of his own, so his sign-in is not 王秀兰's.
      const hisPhone = await phoneContext(app)
      try {
        const li = await signedIn(hisPhone, 'demo-resident-2', pageErrors)
        await li.goto(`/#/pages/events/detail?id=${encodeURIComponent(id)}`)
        await li.getByTestId('event-signup').filter({ hasText: '报名候补' }).click()
        await status(li, '候补第 1 位')

        await page.getByTestId('event-cancel').click()
        await confirmDialog(page)
        await status(page, '已取消报名')

        await li.reload()
        await status(li, '前确认')
        await li.getByTestId('event-accept').click()
        await status(li, '已报名 ✓')
      } finally {
        await hisPhone.close()
      }
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should let the secretary plan a weekly series, list each occurrence and skip one',
    async ({ page, pageErrors }) => {
      await loginAs(page, 'demo-secretary-1')
      await page.goto('/#/staff/events/index')
      await page.getByTestId('staff-events-new-series').click()
      await page.getByTestId('event-form-kind-monday_class').click()
      await inputByTestId(page, 'event-form-title').fill('周一课堂·智能手机怎么用')
      await page.getByTestId('event-form-weekday-1').click()
      await inputByTestId(page, 'event-form-count').fill('3')
      await inputByTestId(page, 'event-form-place').fill('党群服务中心二楼')
      await page.getByTestId('event-form-submit').click()
      await page.waitForURL(/staff\/events\/index/)
      const cards = page
        .getByTestId('staff-events-list')
        .locator('.event-card')
        .filter({ hasText: '周一课堂·智能手机怎么用' })
      await cards.nth(2).waitFor()
      expect(await cards.count()).toBe(3)
      // one week off: 本期暂停 from that occurrence's page
      await cards.first().click()
      await page.getByTestId('event-skip').click()
      await confirmDialog(page)
      await page.getByTestId('event-manage-bar').filter({ hasText: '本期暂停）' }).waitFor()
      expect(pageErrors).toEqual([])
    },
  )
})
