import type { Page } from 'playwright-core'
import { flow, loginAs, startApp, type E2eApp } from './harness'

/** Standing at 华清社区 in 临潼, far from the resident's bound community (东县门, 碑林). */
const AT_HUAQING = { longitude: 109.216, latitude: 34.3625 }

const cards = (page: Page) => page.locator('[data-testid^="station-card-"]')

async function firstCardId(page: Page): Promise<string | null> {
  await cards(page).first().waitFor()
  return cards(page).first().getAttribute('data-testid')
}

async function openStations(page: Page): Promise<void> {
  await loginAs(page, 'demo-resident-1')
  await page.getByTestId('home-entry-stations').click()
  await page.getByTestId('stations-page').waitFor()
}

describe('红色驿站 (the station locator)', () => {
  let app: E2eApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should put the nearest station first when I share my location',
    async ({ page, context, pageErrors }) => {
      await context.grantPermissions(['geolocation'])
      await context.setGeolocation(AT_HUAQING)
      await openStations(page)
      // Before I share anything the list starts from my community in 碑林.
      await page.getByTestId('stations-origin').filter({ hasText: '东县门社区' }).waitFor()
      expect(await firstCardId(page)).toBe('station-card-st-dongxianmen')

      await page.getByTestId('stations-locate').click()
      // The privacy agreement comes first, with its reason, before any location is read.
      await page.getByTestId('privacy-popup').getByText('同意并继续').click()
      await page.getByTestId('stations-origin').filter({ hasText: '当前的位置' }).waitFor()
      await page.getByTestId('station-card-st-huaqing').waitFor()
      expect(await firstCardId(page)).toBe('station-card-st-huaqing')
      // 14 m by haversine from where I stand (0.0001° north-east: 11.1 m and 9.2 m).
      expect(await cards(page).first().getByTestId('station-distance').textContent()).toBe('14米')
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should still list stations from my community when location is denied',
    async ({ page, context, pageErrors }) => {
      await context.clearPermissions()
      await openStations(page)
      await page.getByTestId('stations-locate').click()
      await page.getByTestId('privacy-popup').getByText('同意并继续').click()
      // The browser refuses: the page says so and keeps measuring from my community.
      await page.getByText('先按您所在社区为您排序').waitFor()
      await page.getByTestId('stations-origin').filter({ hasText: '按您所在的东县门社区' }).waitFor()
      expect(await firstCardId(page)).toBe('station-card-st-dongxianmen')
      expect(await cards(page).first().getByTestId('station-distance').textContent()).toBe('43米')
      expect(await cards(page).count()).toBeGreaterThan(5)
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should narrow the list by amenity and find a station by name',
    async ({ page, pageErrors }) => {
      await openStations(page)
      await cards(page).first().waitFor()
      await page.getByTestId('stations-filter-dining_rest').click()
      await page.getByTestId('station-card-st-dongxianmen').waitFor({ state: 'detached' })
      const ids = await cards(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
      // Nearest first from 东县门: 下马陵 (0.9 km), 长安's 北街 (11 km), 高陵's 市民广场 (31 km).
      expect(ids).toEqual(['station-card-st-xiamaling', 'station-card-st-beijie', 'station-card-st-gaoling-shimin'])

      await page.getByTestId('stations-filter-dining_rest').click()
      await page
        .locator('[data-testid="stations-search-input"] input, input[data-testid="stations-search-input"]')
        .first()
        .fill('昭慧')
      await page.getByTestId('stations-search-submit').click()
      await page.getByTestId('stations-keyword').waitFor()
      await page.getByTestId('station-card-st-luyuan-zhaohui').waitFor()
      expect(await cards(page).count()).toBe(1)
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should show a station’s hours, amenities and phone when I open it',
    async ({ page, pageErrors }) => {
      await openStations(page)
      await page.getByTestId('station-card-st-dongxianmen').click()
      // Taro keeps the list page in the DOM underneath: look only inside the detail page.
      const detail = page.getByTestId('station-detail-page')
      await detail.waitFor()
      await detail.getByTestId('station-detail-name').filter({ hasText: '东县门社区红色驿站' }).waitFor()
      const hours = detail.getByTestId('station-hours')
      await hours.getByText('周一至周五').waitFor()
      expect(await hours.textContent()).toContain('8:00–21:00')
      expect(await hours.textContent()).toContain('周日休息')
      const amenities = detail.getByTestId('station-amenities')
      for (const label of ['阅览区', '便民茶水', '医药急救箱', '红色便民WiFi', '充电', '卫生间', '爱心雨伞']) {
        await amenities.getByText(label, { exact: true }).waitFor()
      }
      expect(await detail.getByTestId('station-phone').textContent()).toBe('029-87213301')
      await detail
        .getByTestId('station-open-status')
        .filter({ hasText: /营业中|已打烊|闭馆|暂停开放/ })
        .waitFor()
      // A resident sees no edit button.
      expect(await detail.getByTestId('station-edit').count()).toBe(0)
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should let the community secretary fix a station, with a clear message for bad coordinates',
    async ({ page, pageErrors }) => {
      await loginAs(page, 'demo-secretary-1')
      await page.getByTestId('home-entry-stations').click()
      await page.getByTestId('stations-manage').click()
      await page.getByTestId('staff-station-st-dongxianmen').click()
      const edit = page.getByTestId('station-edit-page')
      const input = (testId: string) =>
        edit.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first()
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLInputElement>(
            '[data-testid="station-name-input"] input, input[data-testid="station-name-input"]',
          )?.value === '东县门社区红色驿站',
      )
      // Longitude and latitude swapped: the server refuses and the form says what is wrong.
      await input('station-lng-input').fill('34.2584')
      await input('station-lat-input').fill('108.9596')
      await edit.getByTestId('station-save').click()
      await edit
        .getByTestId('station-edit-problems')
        .getByText('位置：坐标不在中国境内，请检查经纬度是否填反或填错')
        .waitFor()

      await input('station-lng-input').fill('108.9596')
      await input('station-lat-input').fill('34.2584')
      await input('station-name-input').fill('东县门社区红色驿站（党群服务中心）')
      await edit.getByTestId('station-save').click()
      await page.getByTestId('staff-stations-page').getByText('东县门社区红色驿站（党群服务中心）').waitFor()
      const { data } = await app.host.runtime.db.collection('stations').doc('st-dongxianmen').get()
      expect((data as { name: string; updatedBy: string }[])[0]).toMatchObject({
        name: '东县门社区红色驿站（党群服务中心）',
        updatedBy: 'demo-secretary-1',
      })
      expect(pageErrors).toEqual([])
    },
  )
})
