import type { BrowserContext, Page, Route } from 'playwright-core'
import { flow, loginAs, openTab, startApp, type E2eApp } from './harness'

/**
 * The first paint of 首页 in index.html (scripts/h5-first-paint.ts): a copy of the real
 * 首页 shown before any script has run, for a signed-in resident only, and replaced by the real
 * 首页 in the same place. The scripts (and the functions, so 首页 stays as it first renders)
 * are held back at the network to see the copy alone, then let through.
 */

const SHELL = '.first-paint'
/** Parts whose text depends on the hour or the person: the copy keeps their place only. */
const BLANK = new Set(['home-greeting'])

interface Part {
  name: string
  /** Its text, when no other named part is inside it (those are compared on their own). */
  text: string
  box: { x: number; y: number; width: number; height: number }
}

/** Holds every request matching `pattern` until the returned function is called. */
async function holdBack(context: BrowserContext, pattern: string): Promise<() => void> {
  let release: () => void = () => undefined
  const gate = new Promise<void>((done) => (release = done))
  await context.route(pattern, async (route: Route) => {
    await gate
    await route.continue().catch(() => undefined)
  })
  return release
}

/** Each named part with its text and place, from the copy (`data-first-paint`) or the real page (`data-testid`). */
function partsOf(page: Page, attribute: 'data-first-paint' | 'data-testid', scope: string): Promise<Part[]> {
  return page.$$eval(
    `${scope} [${attribute}]`,
    (els, attr) =>
      els.map((el) => {
        const r = el.getBoundingClientRect()
        const text = el.querySelector(`[${attr}]`) ? '' : (el as HTMLElement).innerText.trim()
        return { name: el.getAttribute(attr) ?? '', text, box: { x: r.x, y: r.y, width: r.width, height: r.height } }
      }),
    attribute,
  )
}

/** The tab bar's text and place, in the copy or in the app. */
function tabBarOf(page: Page, scope: string): Promise<Part> {
  return page.$eval(`${scope} .taro-tabbar__tabbar`, (el) => {
    const r = el.getBoundingClientRect()
    return {
      name: 'tab bar',
      text: (el as HTMLElement).innerText,
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
    }
  })
}

/** Loads `path` afresh with the scripts held back and says whether the copy of 首页 was put up. */
async function paintedFirst(context: BrowserContext, path: string): Promise<boolean> {
  const page = await context.newPage()
  const release = await holdBack(context, '**/js/**')
  try {
    await page.goto(path, { waitUntil: 'commit' })
    // The mount point comes after the inline script: once it is parsed, the script has decided.
    await page.waitForSelector('#app', { state: 'attached' })
    return (await page.locator(SHELL).count()) > 0
  } finally {
    release()
    await context.unroute('**/js/**')
    await page.close()
  }
}

describe('first paint of 首页 (index.html)', () => {
  let app: E2eApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should show a signed-in resident 首页 before any script, hidden from assistive tech, then the real 首页 in its place',
    async ({ page, context, pageErrors }) => {
      await loginAs(page, 'demo-resident-1')
      const releaseScripts = await holdBack(context, '**/js/**')
      const releaseData = await holdBack(context, '**/api/**')
      await page.goto('/', { waitUntil: 'commit' })
      await page.locator(`${SHELL} [data-first-paint="home-entry-stations"]`).waitFor()

      // A picture, not a second page: nothing a test, a screen reader or the keyboard can find twice.
      const shell = page.locator(SHELL)
      expect(await shell.getAttribute('aria-hidden')).toBe('true')
      expect(await shell.evaluate((el) => (el as HTMLElement).inert)).toBe(true)
      expect(await page.locator('[data-testid]').count()).toBe(0)
      expect(await shell.locator('[id], [role], [tabindex], [href], a[href], button, input').count()).toBe(0)
      expect(
        await shell.evaluate((el) => Array.from(el.querySelectorAll('*')).some((e) => e.tagName.includes('-'))),
      ).toBe(false)

      const copy = await partsOf(page, 'data-first-paint', SHELL)
      const copyBar = await tabBarOf(page, SHELL)
      expect(copy.filter((p) => p.name.startsWith('home-entry-')).length).toBeGreaterThanOrEqual(5)
      for (const blank of BLANK)
        expect(
          await shell.locator(`[data-first-paint="${blank}"]`).evaluate((el) => getComputedStyle(el).visibility),
        ).toBe('hidden')

      // The scripts arrive: the real 首页 (still without its data) takes the copy's place, with no
      // blank moment between (its entries are there when the copy goes).
      await page.evaluate(() => {
        const seen = window as unknown as { handedOver?: boolean }
        new MutationObserver((_, observer) => {
          if (document.querySelector('.first-paint')) return
          seen.handedOver = document.querySelector('[data-testid="home-entry-stations"]') !== null
          observer.disconnect()
        }).observe(document.body, { childList: true, subtree: true })
      })
      releaseScripts()
      await page.getByTestId('home-entry-stations').waitFor()
      expect(await shell.count()).toBe(0)
      expect(await page.evaluate(() => (window as unknown as { handedOver?: boolean }).handedOver)).toBe(true)
      const real = await partsOf(page, 'data-testid', '.taro_page')
      const realBar = await tabBarOf(page, '')
      // Every part of the copy is a part of the real 首页, and every service entry of the real one is in the copy.
      const copyNames = copy.map((p) => p.name)
      const realNames = real.map((p) => p.name)
      expect(copyNames.filter((n) => !realNames.includes(n))).toEqual([])
      expect(realNames.filter((n) => n.startsWith('home-entry-') && !copyNames.includes(n))).toEqual([])
      for (const part of [...copy, copyBar]) {
        const same = part === copyBar ? realBar : real.find((p) => p.name === part.name)!
        if (!BLANK.has(part.name))
          expect({ name: part.name, text: part.text }).toEqual({ name: part.name, text: same.text })
        for (const side of ['x', 'y', 'width', 'height'] as const)
          expect({ name: part.name, side, at: Math.round(part.box[side]) }).toEqual({
            name: part.name,
            side,
            at: Math.round(same.box[side]),
          })
      }

      releaseData()
      await page.getByTestId('home-greeting').filter({ hasText: '王秀兰' }).waitFor()
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should not show 首页 first to a visitor, an expired session, another page or 大字',
    async ({ page, context, pageErrors }) => {
      expect(await paintedFirst(context, '/')).toBe(false)

      const expired = Buffer.from(JSON.stringify({ sub: 'demo-resident-1', exp: 1 })).toString('base64url')
      await page.goto('/#/pages/login/index')
      await page.evaluate(
        (token) => localStorage.setItem('mhwx.token', JSON.stringify({ data: token })),
        `${expired}.x`,
      )
      expect(await paintedFirst(context, '/')).toBe(false)

      await loginAs(page, 'demo-resident-1')
      expect(await paintedFirst(context, '/')).toBe(true)
      expect(await paintedFirst(context, '/#/pages/home/index')).toBe(true)
      expect(await paintedFirst(context, '/#/pages/inbox/index')).toBe(false)

      await openTab(page, '我的')
      await page.getByTestId('me-large-text').click()
      await page.locator('[data-testid="me-page"].page--large').waitFor()
      expect(await paintedFirst(context, '/')).toBe(false)
      expect(pageErrors).toEqual([])
    },
  )
})
