import type { Locator, Page } from 'playwright-core'
import { blocking, countByImpact, missingOutline, scanPage, shownPage, type Finding } from './axe'
import { flow, inputByTestId, invokeAs, loginAs, startApp, type E2eApp } from './harness'
import { measurePage, notScaled, type PageMeasure } from './layout-checks'

/** The narrowest phone we support: everything must fit and pass at 360 px. */
const NARROW = { width: 360, height: 780 }

/**
 * A page to check: its URL (and what it must show to be worth the scan), or the list it is
 * opened from by tapping the first card (and the page that opens).
 */
type Stop = { name: string; url: string; shows?: string } | { name: string; from: string; card: string; to: string }

const RESIDENT_STOPS: Stop[] = [
  { name: '首页', url: '/pages/home/index' },
  { name: '消息', url: '/pages/inbox/index' },
  { name: '我的', url: '/pages/me/index' },
  { name: '编辑资料', url: '/pages/users/profile' },
  { name: '我的社区', url: '/pages/me/community' },
  { name: '申请志愿者', url: '/pages/users/volunteer' },
  { name: '消息提醒', url: '/pages/me/reminders' },
  { name: '微心愿墙', url: '/pages/wishes/index' },
  { name: '心愿详情', from: '/pages/wishes/index', card: 'wish-card-', to: '/pages/wishes/detail' },
  { name: '我要许愿', url: '/pages/wishes/post' },
  { name: '我的心愿', url: '/pages/wishes/mine' },
  { name: '我的诉求', url: '/pages/cases/index' },
  { name: '诉求详情', from: '/pages/cases/index', card: 'case-card-', to: '/pages/cases/detail' },
  { name: '我要反映', url: '/pages/cases/submit' },
  { name: '红色驿站', url: '/pages/stations/index' },
  { name: '驿站详情', from: '/pages/stations/index', card: 'station-card-', to: '/pages/stations/detail' },
  { name: '社区活动', url: '/pages/events/index' },
  { name: '活动详情', from: '/pages/events/index', card: 'event-card-', to: '/pages/events/detail' },
  { name: '活动评价', url: '/pages/events/detail?id=RATED_EVENT_ID', shows: 'event-rating' },
  { name: '社区通知', url: '/pages/notices/index' },
  { name: '我的住址', url: '/pages/places/address' },
  { name: '为我服务', url: '/pages/places/servers' },
  { name: '双报到', url: '/pages/places/party' },
]

const STAFF_STOPS: Stop[] = [
  { name: '志愿者审核', url: '/staff/volunteers/index' },
  { name: '角色管理', url: '/staff/roles/index' },
  { name: '驿站管理', url: '/staff/stations/index' },
  { name: '心愿管理', url: '/staff/wishes/index' },
  { name: '诉求办理', url: '/staff/cases/index' },
  { name: '诉求办理详情', url: '/staff/cases/detail?id=CASE_ID' },
  { name: '台账与考核', url: '/staff/cases/reports' },
  { name: '通知管理', url: '/staff/notices/index' },
  { name: '发通知', url: '/staff/notices/compose?unitId=c-dongxianmen' },
  { name: '活动管理', url: '/staff/events/index' },
  { name: '发布活动', url: '/staff/events/edit' },
  { name: '活动统计', url: '/staff/events/figures' },
  { name: '住户', url: '/staff/places/residents' },
  { name: '导入小区楼栋', url: '/staff/places/import' },
  { name: '服务岗位', url: '/staff/places/posts' },
  { name: '党员报到', url: '/staff/places/party' },
]

/** Pages with a single-choice unit picker, opened by the administrator (who may pick among the whole district): name, URL, the picker's test id. */
const PICKERS = [
  ['志愿者审核（选社区）', '/staff/volunteers/index', 'staff-volunteers-community'],
  ['诉求办理（选单位）', '/staff/cases/index', 'staff-cases-unit'],
] as const

/** The pages an older resident uses most, checked in normal text and in 大字. */
const LARGE_TEXT_PAGES = [
  '/pages/home/index',
  '/pages/me/index',
  '/pages/inbox/index',
  '/pages/wishes/index',
  '/pages/wishes/post',
  '/pages/cases/index',
  '/pages/cases/submit',
  '/pages/events/index',
  '/pages/stations/index',
]

/** The message of Taro H5's router when a page's container is not in the DOM yet (see the 大字 flow). */
const TARO_ROUTER_RACE = '在已加载页面中没有找到对应的容器元素。'

/**
 * Waits until Taro shows this page (alone and in place: goto returns before the router has
 * even mounted it) and the page has loaded what it shows (no request running, no spinner).
 */
async function settle(page: Page, path: string): Promise<void> {
  const id = await shownPage(page, path)
  await page.waitForLoadState('networkidle')
  await page.locator(`.taro_page[id="${id}"]`).getByText('正在加载').first().waitFor({ state: 'hidden' })
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(`/#${url}`)
  await settle(page, url)
}

const appears = (target: Locator) =>
  target.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  )

/** Opens the stop and answers the page it shows; null when it lacks what it is visited for (the scan says which page it missed). */
async function visit(page: Page, stop: Stop): Promise<string | null> {
  if ('url' in stop) {
    await open(page, stop.url)
    return !stop.shows || (await appears(page.getByTestId(stop.shows))) ? stop.url : null
  }
  await open(page, stop.from)
  const card = page.locator(`[data-testid^="${stop.card}"]`).locator('visible=true').first()
  if (!(await appears(card))) return null
  await card.click()
  await settle(page, stop.to)
  return stop.to
}

/** Presses Tab until the focused element is (or is inside) one matching this selector. */
async function tabUntil(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press('Tab')
    const there = await page.evaluate((s) => document.activeElement?.closest(s) != null, selector)
    if (there) return
  }
  throw new Error(`Tab never reaches ${selector}`)
}

/** Presses Tab until the element with this test id (or something inside it) has the focus. */
const tabTo = (page: Page, testId: string) => tabUntil(page, `[data-testid="${testId}"]`)

/**
 * On the page at `url`, Tab reaches the browser's own field (`field`: a date or a list, named,
 * lying over the value shown) and an arrow key changes the value the page shows (`shownTestId`).
 */
async function changeByKeyboard(page: Page, url: string, field: string, shownTestId: string): Promise<void> {
  await open(page, url)
  const shown = page.getByTestId(shownTestId)
  const before = (await shown.textContent())?.trim() ?? ''
  await tabUntil(page, field)
  await page.keyboard.press('ArrowDown')
  await shown.filter({ hasNotText: before }).waitFor()
}

/**
 * An event of 东县门社区 yesterday 09:30–11:00 that this resident signed up for and was
 * checked in at (the host's clock goes back to the morning for it, then forward again), so
 * its page offers the 1-tap 活动评价. Answers its id.
 */
async function attendedYesterday(app: E2eApp, resident: string): Promise<string> {
  const clock = app.host.runtime.clock
  const now = clock.now()
  const date = new Date(now.getTime() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10)
  clock.set(`${date}T01:10:00.000Z`)
  try {
    const secretary = 'demo-secretary-1'
    const { id } = await invokeAs<{ id: string }>(app, secretary, 'events', {
      action: 'create',
      unitId: 'c-dongxianmen',
      kind: 'volunteer_service',
      title: '志愿服务：清理楼道杂物',
      place: { name: '社区活动室', address: '东县门街12号' },
      capacity: 10,
      date,
      startTime: '09:30',
      endTime: '11:00',
    })
    await invokeAs(app, secretary, 'events', { action: 'publish', eventId: id })
    await invokeAs(app, resident, 'events', { action: 'signUp', eventId: id, clientRequestId: 'e2e-a11y-rated' })
    const { code } = await invokeAs<{ code: string }>(app, resident, 'events', { action: 'myCode', eventId: id })
    await invokeAs(app, secretary, 'events', { action: 'checkIn', eventId: id, code })
    return id
  } finally {
    clock.set(now)
  }
}

async function scanAll(page: Page, stops: Stop[]): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const stop of stops) {
    const shown = await visit(page, stop)
    if (shown) findings.push(...(await scanPage(page, stop.name, shown)))
    else
      findings.push({
        page: stop.name,
        rule: 'not-reached',
        impact: 'serious',
        nodes: 1,
        example: 'from' in stop ? `no card to open on ${stop.from}` : `${stop.url} without ${stop.shows}`,
      })
  }
  return findings
}

function report(who: string, pages: number, findings: Finding[]): void {
  const counts = countByImpact(findings)
  const lines = findings.map((f) => `  ${f.impact.padEnd(8)} ${f.rule} ×${f.nodes} on ${f.page}: ${f.example}`)
  process.stderr.write(
    `a11y ${who}: ${pages} pages; failing elements by impact ${JSON.stringify(counts)}\n${lines.join('\n')}\n`,
  )
}

// Twenty pages and an axe run on each take longer than one ordinary flow.
jest.setTimeout(240_000)

describe('accessibility (axe-core on every main page at 360 px)', () => {
  let app: E2eApp
  let ratedEventId = ''
  beforeAll(async () => {
    app = await startApp()
    ratedEventId = await attendedYesterday(app, 'demo-resident-2')
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should let me report a 诉求 with the keyboard alone, from 首页 to its number',
    async ({ page, pageErrors }) => {
      await loginAs(page, 'demo-resident-2')
      await tabTo(page, 'home-entry-cases')
      await page.keyboard.press('Enter')
      await page.getByTestId('cases-mine-page').waitFor()
      await tabTo(page, 'cases-new')
      await page.keyboard.press('Enter')
      await page.getByTestId('case-submit-group-environment').waitFor()
      await tabTo(page, 'case-submit-group-environment')
      await page.keyboard.press('Enter')
      await tabTo(page, 'case-submit-category-environment.litter')
      await page.keyboard.press(' ')
      await page.locator('[data-testid="case-submit-category-environment.litter"][aria-pressed="true"]').waitFor()
      await tabTo(page, 'case-submit-description')
      await page.keyboard.type('小区南门的路灯坏了一个多星期，晚上看不见路')
      await tabTo(page, 'case-submit-submit')
      await page.keyboard.press('Enter')
      // Nearby cases like mine may be offered first; going on is the same button again.
      const done = page.getByTestId('case-submit-number')
      await page.locator('[data-testid="case-submit-number"], [data-testid="case-submit-similar"]').first().waitFor()
      if (!(await done.isVisible())) {
        await tabTo(page, 'case-submit-submit')
        await page.keyboard.press('Enter')
      }
      expect((await done.textContent())?.trim()).toMatch(/^BL-\d{8}-\d{4}$/)
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should have no serious or critical axe finding on the login page and the resident’s pages',
    async ({ page, pageErrors }) => {
      await page.setViewportSize(NARROW)
      await open(page, '/pages/login/index')
      const findings = await scanPage(page, '演示登录', '/pages/login/index')
      // 李建国, who reported a 诉求 in the keyboard flow above, so 诉求详情 has one to show.
      await loginAs(page, 'demo-resident-2')
      const stops = RESIDENT_STOPS.map((s) =>
        'url' in s ? { ...s, url: s.url.replace('RATED_EVENT_ID', encodeURIComponent(ratedEventId)) } : s,
      )
      findings.push(...(await scanAll(page, stops)))
      report('resident', RESIDENT_STOPS.length + 1, findings)
      expect(blocking(findings)).toEqual([])
      expect(missingOutline(findings)).toEqual([])
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should have no serious or critical axe finding on the staff pages',
    async ({ page, pageErrors }) => {
      await page.setViewportSize(NARROW)
      // The case of the keyboard flow, in the secretary's community.
      const { data } = await app.host.runtime.db.collection('cases').limit(1).get()
      // Without one (the keyboard flow failed) the page shows its 找不到 state, which is scanned too.
      const caseId = encodeURIComponent((data as { _id: string }[])[0]?._id ?? 'no-case')
      const stops = STAFF_STOPS.map((s) => ('url' in s ? { ...s, url: s.url.replace('CASE_ID', caseId) } : s))
      await loginAs(page, 'demo-secretary-1')
      const findings = await scanAll(page, stops)
      // A date by keyboard (台账与考核).
      await changeByKeyboard(
        page,
        '/staff/cases/reports',
        'input[type="date"][aria-label="统计开始日期"]',
        'case-reports-from',
      )
      // An action sheet open (服务岗位's 小区): its choices are buttons a keyboard reaches.
      await open(page, '/staff/places/posts')
      await page.getByTestId('assign-estate').click()
      await page.locator('.nut-actionsheet-item').locator('visible=true').first().waitFor()
      findings.push(...(await scanPage(page, '服务岗位（选小区）', '/staff/places/posts')))
      // 角色管理 as the administrator, with a unit found through the picker's search and its list of roles.
      await loginAs(page, 'demo-admin')
      await open(page, '/staff/roles/index')
      await inputByTestId(page, 'roles-unit-picker-search').fill('东县门')
      await page.getByTestId('roles-unit-picker-c-dongxianmen').click()
      await page.getByTestId('roles-holder-community_secretary').waitFor()
      findings.push(...(await scanPage(page, '角色管理（管理员）', '/staff/roles/index')))
      // A choice by keyboard: a new 驿站's 所属单位, as the administrator (the secretary has one unit).
      await changeByKeyboard(page, '/staff/stations/edit', 'select[aria-label="所属单位"]', 'station-unit')
      // The single-choice pickers open, with the whole district to choose from.
      for (const [name, url, testId] of PICKERS) {
        await open(page, url)
        await page.getByTestId(testId).click()
        await page.getByTestId(`${testId}-picker`).getByRole('heading').first().waitFor()
        findings.push(...(await scanPage(page, name, url)))
      }
      // Picked by keyboard on 诉求办理: the search narrows the list, Enter picks a unit, and the
      // focus is back on the row that opened the list, which names the unit picked.
      await inputByTestId(page, 'staff-cases-unit-picker-search').fill('东县门社区第一')
      await tabTo(page, 'staff-cases-unit-picker-g-dongxianmen-1')
      await page.keyboard.press('Enter')
      await page.getByTestId('staff-cases-unit-name').filter({ hasText: '东县门社区第一网格' }).waitFor()
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('staff-cases-unit')
      report('staff', STAFF_STOPS.length + 2 + PICKERS.length, findings)
      expect(blocking(findings)).toEqual([])
      expect(missingOutline(findings)).toEqual([])
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should grow all text 1.5× in 大字, keep controls 44 px tall (48 px in 大字) and cut nothing at 360 px',
    async ({ page, pageErrors }) => {
      await page.setViewportSize(NARROW)
      await loginAs(page, 'demo-resident-1')
      const normal = new Map<string, PageMeasure>()
      for (const url of LARGE_TEXT_PAGES) {
        await open(page, url)
        normal.set(url, await measurePage(page, 44))
      }
      await open(page, '/pages/me/index')
      await page.getByTestId('me-large-text').click()
      await page.locator('[data-testid="me-page"].page--large').waitFor()
      const problems: string[] = []
      const targets: string[] = []
      for (const url of LARGE_TEXT_PAGES) {
        await open(page, url)
        const before = normal.get(url)!
        const large = await measurePage(page, 48)
        targets.push(`${url} ${before.minTarget}/${large.minTarget}px`)
        problems.push(
          ...notScaled(before, large, 1.45).map((p) => `${url} text not 1.5×: ${p}`),
          ...before.smallTargets.map((t) => `${url} under 44 px: ${t}`),
          ...large.smallTargets.map((t) => `${url} under 48 px in 大字: ${t}`),
          ...[...before.clipped, ...large.clipped].map((c) => `${url} cut or off screen: ${c}`),
        )
      }
      process.stderr.write(`a11y smallest tap target (normal/大字): ${targets.join('; ')}\n${problems.join('\n')}\n`)
      expect(problems).toEqual([])
      // Taro's H5 router sometimes throws this when this flow jumps from page to page by URL
      // faster than a person can (1 run in 3 at 2edbf40, with every measurement passing). It is
      // the router's own bookkeeping, not the app's: any other page error still fails the flow.
      expect(pageErrors.filter((e) => e.message !== TARO_ROUTER_RACE)).toEqual([])
    },
  )
})
