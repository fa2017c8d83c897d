import { DEMO_PLACES } from '../demo/places'
import {
  confirmDialog,
  flow,
  inputByTestId,
  loginAs,
  signedIn,
  startApp,
  textareaByTestId,
  type E2eApp,
} from './harness'

/*
 * 社区通知 end to end: the secretary sends a notice to one 楼栋 (王秀兰 and 张志强 live there),
 * pinned and with a PDF; 王秀兰 finds it pinned on 首页's list, sees the PDF, reads and acknowledges it, 李建国 (no address in that building) never sees it,
 * and the grid worker telephones 张志强 and records it, after which nobody is left unreached.
 */

describe('社区通知', () => {
  let app: E2eApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should reach a building, be read and acknowledged there, and be followed up by phone',
    async ({ page: secretary, context, pageErrors }) => {
      await loginAs(secretary, 'demo-secretary-1')
      let page = secretary
      await page.goto('/#/staff/notices/compose?unitId=c-dongxianmen')
      await page.getByTestId(`audience-${DEMO_PLACES.building}`).click()
      await page.getByTestId('notice-recipient-count').filter({ hasText: '将发送给 2 人' }).waitFor()
      await inputByTestId(page, 'notice-title-input').fill('3号楼停水通知')
      await inputByTestId(page, 'notice-summary-input').fill('明日白天停水')
      await textareaByTestId(page, 'notice-body-input').fill('因管网维修，明日8:00至18:00停水，请提前储水。')
      await page.getByTestId('notice-category-water_power').click()
      await page.locator('.notice-compose__switch .nut-switch').click()
      await page.getByTestId('notice-when-pinnedUntil-on').click()
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByTestId('notice-attachment-add').click(),
      ])
      await chooser.setFiles({
        name: '停水范围.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      })
      await page.getByTestId('notice-attachment').filter({ hasText: '停水范围.pdf' }).waitFor()
      await page.getByTestId('notice-publish').click()
      await page.locator('.nut-dialog').filter({ hasText: '将发送给 2 人' }).waitFor()
      await confirmDialog(page)
      await page.waitForURL(/staff\/notices\/detail/)
      const noticeId = decodeURIComponent(/[?&]id=([^&]+)/.exec(page.url())![1]!)

      page = await signedIn(context, 'demo-resident-1', pageErrors)
      await page.getByTestId('home-notices-unread').filter({ hasText: '1 条未读' }).waitFor()
      await page.getByTestId('home-entry-notices').click()
      await page.getByTestId(`notice-card-${noticeId}`).filter({ hasText: '置顶' }).click()
      await page.getByTestId('notice-title').filter({ hasText: '3号楼停水通知' }).waitFor()
      await page.getByTestId('notice-attachment').filter({ hasText: '停水范围.pdf' }).waitFor()
      await page.getByTestId('notice-recording-note').filter({ hasText: '会被记录' }).waitFor()
      await page.getByTestId('notice-ack').click()
      await page.getByTestId('notice-acked').waitFor()

      page = await signedIn(context, 'demo-resident-2', pageErrors)
      await page.goto('/#/pages/notices/index')
      // The empty state exists only once the list has loaded with nothing in it.
      await page.getByTestId('notices-empty').waitFor({ state: 'attached' })
      expect(await page.getByTestId(`notice-card-${noticeId}`).count()).toBe(0)

      page = await signedIn(context, 'demo-grid-1', pageErrors)
      await page.goto(`/#/staff/notices/detail?id=${encodeURIComponent(noticeId)}&unitId=g-dongxianmen-1`)
      const zhang = page.getByTestId('not-reached-张志强')
      await zhang.filter({ hasText: '13991230003' }).waitFor()
      await zhang.getByTestId('follow-up-open').click()
      await page.getByTestId('follow-up-method-phone').click()
      await inputByTestId(page, 'follow-up-note').fill('已电话告知，会提前储水')
      await page.getByTestId('follow-up-save').click()
      await page.getByTestId('not-reached-empty').waitFor()
      await page.getByTestId('reach-total-followedUp').filter({ hasText: '1' }).waitFor()
      expect(pageErrors).toEqual([])
    },
  )
})
