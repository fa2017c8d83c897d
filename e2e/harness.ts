import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { registry } from '../cloudfunctions/registry'
import { createHost, type Host } from '../host'
import { seedDemo } from '../demo'

/**
 * The E2E harness: the real local host on a fresh temporary database seeded with the demo
 * data, on a free port, and Debian's Chromium driven by playwright-core. Each flow gets
 * its own browser context (its own storage, so its own login) and leaves a screenshot
 * behind when it fails.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR ?? path.join(tmpdir(), 'minhu-e2e-screenshots')
/** The H5 build under test; E2E_H5_DIR points at another one (an older build, to compare). */
const H5_DIR = process.env.E2E_H5_DIR ?? path.resolve(__dirname, '..', 'dist-h5')

export interface E2eApp {
  url: string
  host: Host
  browser: Browser
  close(): Promise<void>
}

export async function startApp(): Promise<E2eApp> {
  if (!existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist-h5/index.html is missing: run `npm run build:h5` first (npm run test:e2e does)')
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`)
  }
  const work = mkdtempSync(path.join(tmpdir(), 'minhu-e2e-'))
  const host = createHost({
    dbFile: path.join(work, 'e2e.sqlite'),
    devMode: true,
    secret: 'e2e-secret',
    h5Dir: H5_DIR,
    dataDir: work,
    sweepIntervalMs: 0,
    log: () => undefined,
    quiet: true,
  })
  await seedDemo(host.runtime)
  const url = await host.listen(0)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  return {
    url,
    host,
    browser,
    async close() {
      await browser.close()
      await host.close()
      rmSync(work, { recursive: true, force: true })
    },
  }
}

/**
 * Set-up through a function as this person, on the app's host and clock (what a flow is not
 * about: making the event, signing others up). Throws on a refusal, so set-up cannot fail quietly.
 */
export async function invokeAs<T>(
  app: E2eApp,
  openid: string,
  fn: keyof typeof registry,
  event: Record<string, unknown>,
): Promise<T> {
  const res = await registry[fn].invoke(event, { openid }, app.host.runtime)
  if (!res.ok) throw new Error(`${fn}.${String(event.action)}: ${res.error.code} ${res.error.message}`)
  return res.data as T
}

/** A browser context shaped like a phone in Xi'an: 390×844 at 2×, touch, zh-CN, Shanghai time. */
export function phoneContext(app: E2eApp): Promise<BrowserContext> {
  return app.browser.newContext({
    baseURL: app.url,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
}

export interface FlowContext {
  page: Page
  context: BrowserContext
  /** Uncaught errors in the page: a flow that ends with any of them crashed the app. */
  pageErrors: Error[]
}

/**
 * One user flow as a jest test, in a phone-sized context. On failure the page is
 * screenshotted into SCREENSHOT_DIR before the error is reported.
 */
export function flow(getApp: () => E2eApp, title: string, run: (ctx: FlowContext) => Promise<void>): void {
  it(title, async () => {
    const app = getApp()
    const context = await phoneContext(app)
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    const pageErrors: Error[] = []
    page.on('pageerror', (err) => pageErrors.push(err))
    try {
      await run({ page, context, pageErrors })
    } catch (err) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      const file = path.join(SCREENSHOT_DIR, `${title.replace(/[^\w\u4e00-\u9fa5-]+/g, '_')}.png`)
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
      process.stderr.write(`e2e: screenshot of the failed flow at ${file}\n`)
      throw err
    } finally {
      await context.close()
    }
  })
}

/**
 * Signs in as a person would on H5: open the demo login page and tap the account. Resolves
 * once the app has moved on to the home page.
 */
export async function loginAs(page: Page, openid: string): Promise<void> {
  await page.goto('/#/pages/login/index')
  await page.getByTestId(`login-${openid}`).click()
  await page.waitForURL(/pages\/home\/index/)
  // Wait for 首页 itself, not only its URL: a hash change while Taro is still mounting home can
  // leave the next page mounted but hidden (seen in CI as a 15 s wait on a hidden element).
  await page.getByTestId('home-page').waitFor()
}

/** Another person in a page of their own (as on their own phone) in the flow's context, signed in. */
export async function signedIn(context: BrowserContext, openid: string, errors: Error[]): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (err) => errors.push(err))
  await loginAs(page, openid)
  return page
}

/** Taps a tab of the tab bar by its label (首页 / 消息 / 我的). */
export async function openTab(page: Page, label: string): Promise<void> {
  await page.locator('.taro-tabbar__tabbar').getByText(label, { exact: true }).click()
}

/** A text input by its test id: NutUI puts the id on the <input> itself or on its wrapper. */
export function inputByTestId(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first()
}

/** A textarea by its test id: Taro's Textarea puts the id on its wrapper on H5. */
export function textareaByTestId(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`[data-testid="${testId}"] textarea, textarea[data-testid="${testId}"]`).first()
}

/** Confirms the NutUI dialog on top (确定 / 提交 / …). */
export async function confirmDialog(page: Page): Promise<void> {
  await page.locator('.nut-dialog-footer-ok').last().click()
}

/** A real 1×1 PNG, for flows that attach a photo and check that it shows. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** Whether a picture loaded from the host, once it has finished either way (a broken image has no width). */
export async function imageLoads(img: Locator): Promise<boolean> {
  return img.evaluate((el) => {
    const image = el as HTMLImageElement
    if (image.complete) return image.naturalWidth > 0
    return new Promise<boolean>((resolve) => {
      image.addEventListener('load', () => resolve(image.naturalWidth > 0))
      image.addEventListener('error', () => resolve(false))
    })
  })
}
