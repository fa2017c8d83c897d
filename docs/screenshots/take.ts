/**
 * Screenshots of the real H5 pages for the README: the local host on a fresh seeded
 * database (the E2E harness), Debian's Chromium at a 390×844 phone viewport.
 *
 *   npm run build:h5 && npx tsx docs/screenshots/take.ts
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { startApp } from '../../e2e/harness'

const OUT = __dirname

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600) // let NutUI's transitions settle
  await page.screenshot({ path: path.join(OUT, `${name}.png`) })
  console.log(`  ${name}.png`)
}

async function login(page: Page, openid: string): Promise<void> {
  await page.goto('/#/pages/login/index')
  await page.getByTestId(`login-${openid}`).click()
  await page.getByTestId('home-page').waitFor()
}

async function main(): Promise<void> {
  const app = await startApp()
  try {
    const context = await app.browser.newContext({
      baseURL: app.url,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('page error:', err.message))

    await page.goto('/#/pages/login/index')
    await page.getByTestId('login-demo-resident-1').waitFor()
    await shot(page, 'login')

    await login(page, 'demo-resident-1')
    await page.getByTestId('home-community').waitFor()
    await shot(page, 'home')

    await page.goto('/#/pages/inbox/index')
    await page.getByTestId('inbox-page').waitFor()
    await page.waitForSelector('[data-testid="inbox-empty"], [data-testid^="inbox-item-"]')
    await shot(page, 'inbox')

    await page.goto('/#/pages/me/index')
    await page.getByTestId('me-name').waitFor()
    await shot(page, 'me')

    await page.goto('/#/pages/me/community')
    await page.waitForSelector('[data-testid^="community-option-"]')
    await shot(page, 'community')

    await page.getByTestId('community-locate').click()
    await page.getByTestId('privacy-popup').waitFor()
    await shot(page, 'privacy')
    await page.getByText('不同意').click()

    await page.goto('/#/pages/me/volunteer')
    await page.getByTestId('volunteer-page').waitFor()
    await shot(page, 'volunteer')

    await page.goto('/#/pages/me/index')
    await page.getByTestId('me-large-text').click()
    await shot(page, 'me-large-text')
    await page.getByTestId('me-large-text').click()

    await login(page, 'demo-secretary-1')
    await page.goto('/#/staff/volunteers/index')
    await page.getByTestId('staff-volunteers-page').waitFor()
    await page.waitForTimeout(800)
    await shot(page, 'staff-volunteers')

    await login(page, 'demo-admin')
    await page.goto('/#/staff/roles/index')
    await page.getByTestId('staff-roles-page').waitFor()
    await shot(page, 'staff-roles')
    await context.close()
  } finally {
    await app.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
