import type { Locator, Page } from 'playwright-core'
import { COLLECTIONS, type UserDoc } from '../cloudfunctions/core/collections'
import { DEMO_ACCOUNTS } from '../demo'
import { flow, inputByTestId, loginAs, openTab, startApp, type E2eApp } from './harness'

const RESIDENT = DEMO_ACCOUNTS.find((a) => a.openid === 'demo-resident-1')!

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor()
}

async function fontSizeOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
}

describe('我的 (the me page)', () => {
  let app: E2eApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.close())

  async function storedUser(openid: string): Promise<UserDoc> {
    const { data } = await app.host.runtime.db.collection(COLLECTIONS.users).doc(openid).get()
    return (data as UserDoc[])[0]!
  }

  async function openProfileEditor(page: Page): Promise<void> {
    await loginAs(page, RESIDENT.openid)
    await openTab(page, '我的')
    await page.getByTestId('me-edit-profile').click()
    // The form fills itself from my profile once it has loaded.
    await page.waitForFunction(
      (expected) =>
        document.querySelector<HTMLInputElement>(
          '[data-testid="profile-name"] input, input[data-testid="profile-name"]',
        )?.value === expected,
      RESIDENT.name,
    )
  }

  flow(
    () => app,
    'should show my name and community after I log in as a demo resident',
    async ({ page, pageErrors }) => {
      await loginAs(page, RESIDENT.openid)
      await openTab(page, '我的')
      await expectText(page.getByTestId('me-name'), RESIDENT.name)
      await expectText(page.getByTestId('me-community'), '东县门社区')
      await expectText(page.getByTestId('me-roles'), '居民')
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should enlarge the text when I switch on 大字, and keep it after a reload',
    async ({ page, pageErrors }) => {
      await loginAs(page, RESIDENT.openid)
      await openTab(page, '我的')
      const name = page.getByTestId('me-name')
      await expectText(name, RESIDENT.name)
      const before = await fontSizeOf(name)

      await page.getByTestId('me-large-text').click()
      await page.locator('[data-testid="me-page"].page--large').waitFor()
      const enlarged = await fontSizeOf(name)
      expect(enlarged).toBeGreaterThan(before)

      await page.reload()
      await expectText(page.getByTestId('me-name'), RESIDENT.name)
      await page.locator('[data-testid="me-page"].page--large').waitFor()
      await page.locator('[data-testid="me-large-text"].nut-switch-open').waitFor()
      expect(await fontSizeOf(page.getByTestId('me-name'))).toBe(enlarged)
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should tell me in Chinese that a phone number is wrong, and save nothing',
    async ({ page, pageErrors }) => {
      await openProfileEditor(page)
      await inputByTestId(page, 'profile-phone').fill('12345')
      await page.getByTestId('profile-save').click()
      await page.getByText('请填写 11 位手机号').waitFor()
      await expect(page.getByTestId('profile-page').isVisible()).resolves.toBe(true)
      expect((await storedUser(RESIDENT.openid)).phone).toBe(RESIDENT.phone)
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should show the server’s Chinese reason when it refuses my name, and keep the old one',
    async ({ page, pageErrors }) => {
      await openProfileEditor(page)
      const name = inputByTestId(page, 'profile-name')
      // Digits only: the form lets it through, the users function refuses it (BAD_REQUEST).
      await name.fill('12345')
      await page.getByTestId('profile-save').click()
      await page.getByText('内容有误：请填写真实姓名').waitFor()
      expect((await storedUser(RESIDENT.openid)).name).toBe(RESIDENT.name)

      await page.goto('/#/pages/me/index')
      await expectText(page.getByTestId('me-name'), RESIDENT.name)
      expect(pageErrors).toEqual([])
    },
  )
})
