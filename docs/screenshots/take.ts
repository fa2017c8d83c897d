/**
 * Screenshots of the real H5 pages for the README: the E2E harness (the local host on a
 * fresh seeded database, Debian's Chromium in a phone-sized context), plus the demo cases
 * so the 诉求 pages have a timeline to show.
 *
 *   npm run build:h5 && npx tsx docs/screenshots/take.ts
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { seedDemoCases } from '../../demo/cases'
import { loginAs, phoneContext, startApp } from '../../e2e/harness'

const OUT = __dirname

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(600) // let NutUI's transitions and images settle
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage })
  console.log(`  ${name}.png`)
}

/** Opens a page by its route and waits for the element that says it has loaded. */
async function open(page: Page, route: string, ready: string): Promise<void> {
  await page.goto(`/#/${route}`)
  await page.waitForSelector(ready)
}

async function main(): Promise<void> {
  const app = await startApp()
  try {
    const numbers = await seedDemoCases(app.host.runtime)
    const context = await phoneContext(app)
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('page error:', err.message))

    await open(page, 'pages/login/index', '[data-testid="login-demo-resident-1"]')
    await shot(page, 'login')

    await loginAs(page, 'demo-resident-1')
    await page.getByTestId('home-community').waitFor()
    await shot(page, 'home')

    await open(page, 'pages/inbox/index', '[data-testid="inbox-empty"], [data-testid^="inbox-item-"]')
    await shot(page, 'inbox')

    await open(page, 'pages/me/index', '[data-testid="me-name"]')
    await shot(page, 'me')

    await open(page, 'pages/me/community', '[data-testid^="community-option-"]')
    await shot(page, 'community')
    await page.getByTestId('community-locate').click()
    await page.getByTestId('privacy-popup').waitFor()
    await shot(page, 'privacy')
    await page.getByText('不同意').click()

    await open(page, 'pages/users/volunteer', '[data-testid="volunteer-page"]')
    await shot(page, 'volunteer')

    await open(page, 'pages/me/index', '[data-testid="me-large-text"]')
    await page.getByTestId('me-large-text').click()
    await shot(page, 'me-large-text')
    await page.getByTestId('me-large-text').click()

    await open(page, 'pages/stations/index', '[data-testid^="station-card-"]')
    await shot(page, 'stations')
    await page.locator('[data-testid^="station-card-"]').first().click()
    await page.getByTestId('station-detail-page').waitFor()
    await shot(page, 'station-detail')

    await open(page, 'pages/wishes/index', '[data-testid^="wish-card-"]')
    await shot(page, 'wishes')
    await page.locator('[data-testid^="wish-card-"]').first().click()
    await page.getByTestId('wish-detail-page').waitFor()
    await shot(page, 'wish-detail')

    await open(page, 'pages/cases/submit', '[data-testid="case-submit-page"]')
    await page.getByTestId('case-submit-group-environment').waitFor()
    await shot(page, 'case-submit')

    await open(page, 'pages/cases/index', `[data-testid="case-card-${numbers.processing}"]`)
    await page.getByTestId(`case-card-${numbers.processing}`).click()
    await page.getByTestId('case-timeline').waitFor()
    await shot(page, 'case-detail', true)

    await loginAs(page, 'demo-secretary-1')
    await open(page, 'staff/volunteers/index', '[data-testid="staff-volunteers-page"]')
    await page.waitForTimeout(800)
    await shot(page, 'staff-volunteers')

    // The grid worker's 待签收 box holds the demo litter case.
    await loginAs(page, 'demo-grid-1')
    await open(page, 'staff/cases/index', '[data-testid="staff-cases-list"]')
    await shot(page, 'staff-cases')

    await loginAs(page, 'demo-admin')
    await open(page, 'staff/roles/index', '[data-testid="staff-roles-page"]')
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
