import type { Locator, Page } from 'playwright-core'
import { confirmDialog, flow, imageLoads, loginAs, startApp, textareaByTestId, TINY_PNG, type E2eApp } from './harness'

/**
 * 微心愿 end to end, as the people would do it, in two browser contexts: the resident in
 * one; the secretary and then the volunteer in the other.
 */
const WISH_TEXT = '家里的旧收音机不响了，想请人帮忙修一修'
const THANKS = '谢谢张师傅，收音机又能听秦腔了！'

async function openWishFromWall(page: Page, status?: string): Promise<Locator> {
  await page.goto('/#/pages/home/index')
  await page.getByTestId('home-entry-wishes').click()
  const wall = page.getByTestId('wishes-wall-page')
  await wall.waitFor()
  if (status) await wall.locator('.nut-tabs-titles-item').getByText(status, { exact: true }).click()
  return wall
}

describe('微心愿 (the wish wall)', () => {
  let app: E2eApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should take a wish from posting to thanks on the wall',
    async ({ page: resident, pageErrors }) => {
      // The resident posts a wish from 首页 → 微心愿 → 我要许愿.
      await loginAs(resident, 'demo-resident-1')
      const wall = await openWishFromWall(resident)
      await wall.getByTestId('wishes-post').click()
      const post = resident.getByTestId('wish-post-page')
      await post.getByTestId('wish-post-limits').filter({ hasText: '5–200 个字' }).waitFor()
      await textareaByTestId(post, 'wish-post-text').fill(WISH_TEXT)
      await post.getByTestId('wish-post-category-repair').click()
      await post.getByTestId('wish-post-days-7').click()
      await post.getByTestId('wish-post-submit').click()
      const detail = resident.getByTestId('wish-detail-page')
      await detail.getByTestId('wish-status').filter({ hasText: '待审核' }).waitFor()

      // The secretary approves it, in another browser context.
      const other = await app.browser.newContext({
        baseURL: app.url,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      })
      const staff = await other.newPage()
      staff.setDefaultTimeout(15_000)
      const otherErrors: Error[] = []
      staff.on('pageerror', (e) => otherErrors.push(e))
      try {
        await loginAs(staff, 'demo-secretary-1')
        const staffWall = await openWishFromWall(staff)
        await staffWall.getByTestId('wishes-staff').click()
        const review = staff.getByTestId('staff-wishes-page')
        const card = review.locator('[data-testid^="review-wish-"]').filter({ hasText: WISH_TEXT })
        await card.waitFor()
        await card.locator('[data-testid^="review-approve-"]').click()
        await review.getByTestId('staff-wishes-empty').waitFor()

        // The volunteer sees it with the name masked and no phone, claims it and gets the contact.
        await loginAs(staff, 'demo-volunteer-1')
        const volunteerWall = await openWishFromWall(staff)
        const wishCard = volunteerWall.locator('[data-testid^="wish-card-"]').filter({ hasText: WISH_TEXT })
        await wishCard.getByText('心愿人：王**').waitFor()
        expect(await volunteerWall.textContent()).not.toContain('13991230001')
        await wishCard.click()
        const vDetail = staff.getByTestId('wish-detail-page')
        expect(await vDetail.getByTestId('wish-contact').count()).toBe(0)
        await vDetail.getByTestId('wish-action-claim').click()
        await confirmDialog(staff)
        await vDetail.getByTestId('wish-contact').getByText('13991230001', { exact: false }).waitFor()
        await vDetail.getByTestId('wish-action-fulfil').click()
        await textareaByTestId(vDetail, 'wish-action-text').fill('已上门修好收音机，换了电池和一个旋钮')
        // A proof photo, picked through the browser's file chooser as Taro.chooseImage opens it on H5.
        const [chooser] = await Promise.all([
          staff.waitForEvent('filechooser'),
          vDetail.getByTestId('wish-fulfil-photo').click(),
        ])
        await chooser.setFiles({ name: 'proof.png', mimeType: 'image/png', buffer: TINY_PNG })
        await vDetail.getByTestId('wish-action-form').getByText('删除', { exact: true }).waitFor()
        await vDetail.getByTestId('wish-action-submit').click()
        await vDetail.getByTestId('wish-status').filter({ hasText: '待确认' }).waitFor()
        expect(otherErrors).toEqual([])
      } finally {
        await other.close()
      }

      // The resident confirms, thanks, and sees the thanks on the wall.
      await resident.goto('/#/pages/wishes/mine')
      const mine = resident.getByTestId('wishes-mine-page')
      await mine.locator('[data-testid^="wish-card-"]').filter({ hasText: WISH_TEXT }).click()
      const rDetail = resident.getByTestId('wish-detail-page').last()
      await rDetail.getByTestId('wish-fulfil-note').filter({ hasText: '已上门修好收音机' }).waitFor()
      const proof = rDetail.getByTestId('wish-fulfil-photos')
      await proof.locator('img').first().waitFor()
      expect(await proof.locator('img').count()).toBe(1)
      expect(await imageLoads(proof.locator('img').first())).toBe(true)
      await rDetail.getByTestId('wish-action-confirm').click()
      await confirmDialog(resident)
      await rDetail.getByTestId('wish-status').filter({ hasText: '已完成' }).waitFor()
      await rDetail.getByTestId('wish-action-thank').click()
      await textareaByTestId(rDetail, 'wish-action-text').fill(THANKS)
      await rDetail.getByTestId('wish-action-submit').click()
      await rDetail.getByTestId('wish-thanks').filter({ hasText: THANKS }).waitFor()

      const doneWall = await openWishFromWall(resident, '已完成')
      await doneWall
        .locator('[data-testid^="wish-card-"]')
        .filter({ hasText: WISH_TEXT })
        .getByText(THANKS, { exact: false })
        .waitFor()

      const ledger = await app.host.runtime.db.collection('service_ledger').where({ openid: 'demo-volunteer-1' }).get()
      expect((ledger.data as { title: string }[]).some((e) => e.title.includes('旧收音机'))).toBe(true)
      expect(pageErrors).toEqual([])
    },
  )
})
