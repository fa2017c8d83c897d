import { DEMO_PLACES } from '../demo'
import { personRef } from '../cloudfunctions/core/person-ref'
import { HEADER, xlsx } from '../cloudfunctions/places/test-helpers'
import { confirmDialog, flow, inputByTestId, loginAs, openTab, startApp, type E2eApp } from './harness'

describe('小区、楼栋 and 为我服务', () => {
  let app: E2eApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should let a resident set 小区 and 楼栋 and see who serves them',
    async ({ page, pageErrors }) => {
      await loginAs(page, 'demo-resident-2')
      await openTab(page, '我的')
      // Choosing the community goes straight on to 小区 and 楼栋.
      await page.getByTestId('me-bind-community').click()
      await page.getByTestId('community-option-c-dongxianmen').click()
      await confirmDialog(page)
      await page.getByTestId('address-page').waitFor()
      await page.getByTestId('estate-东县门小区').click()
      await page.getByTestId('building-3号楼').click()
      await inputByTestId(page, 'address-room').fill('1单元 201')
      await page.getByTestId('address-save').click()
      await page.getByTestId('address-current').filter({ hasText: '待确认' }).waitFor()
      await page.goto('/#/pages/places/servers')
      // H5 keeps 首页 (which lists the first few as well) in the page stack: look on this page.
      const servers = page.getByTestId('servers-page')
      await servers.getByTestId('server-grid_worker').filter({ hasText: '刘芳' }).waitFor()
      await servers.getByTestId('server-building_head').filter({ hasText: '张志强' }).waitFor()
      await servers.getByTestId('server-message-grid_worker').click()
      await page.getByTestId('case-submit-addressed').filter({ hasText: '网格员刘芳' }).waitFor()
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should let a secretary import a spreadsheet, confirm residents and assign a 楼栋长',
    async ({ page, pageErrors }) => {
      await app.host.runtime.db
        .collection('users')
        .doc('demo-resident-2')
        .update({
          address: {
            communityId: 'c-dongxianmen',
            gridId: 'g-dongxianmen-1',
            estateId: DEMO_PLACES.estate,
            buildingId: DEMO_PLACES.building,
            unitIds: [
              'd-beilin',
              's-baishulin',
              'c-dongxianmen',
              'g-dongxianmen-1',
              DEMO_PLACES.estate,
              DEMO_PLACES.building,
            ],
            room: '1单元 201',
            status: 'pending',
            declaredAt: new Date().toISOString(),
            confirmedAt: null,
            confirmedBy: null,
          },
        })
      await loginAs(page, 'demo-secretary-1')
      await page.goto('/#/staff/places/import')
      const sheet = await xlsx([HEADER, ['建东街小区', 1, '第二网格', 2, 24], ['建东街小区', 2, '第二网格', 2, 24]])
      const chooser = page.waitForEvent('filechooser')
      await page.getByTestId('import-choose').click()
      await (
        await chooser
      ).setFiles({
        name: '楼栋.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: sheet,
      })
      await page.getByTestId('import-counts').filter({ hasText: '新增小区 1 个、楼栋 2 栋' }).waitFor()
      await page.getByTestId('import-commit').click()
      await confirmDialog(page)
      await page.getByTestId('import-nothing').waitFor()

      await page.goto('/#/staff/places/residents')
      await page.getByTestId(`resident-${personRef('demo-resident-2')}`).click()
      await page.getByTestId('residents-confirm').click()
      await confirmDialog(page)
      await page.getByTestId('staff-residents-empty').waitFor()

      await page.goto('/#/staff/places/posts')
      await page.getByTestId('assign-estate').click()
      await page.locator('.nut-actionsheet-item').filter({ hasText: '东县门小区' }).first().click()
      await page.getByTestId('assign-building').click()
      await page.locator('.nut-actionsheet-item').filter({ hasText: '1号楼' }).first().click()
      await page.getByTestId('assign-post').click()
      await page.locator('.nut-actionsheet-item').filter({ hasText: '楼栋长' }).first().click()
      await page.getByTestId('assign-person').click()
      await page.locator('.nut-actionsheet-item').filter({ hasText: '李建国' }).first().click()
      await page.getByTestId('assign-submit').click()
      await page.getByTestId('post-building_head-李建国').waitFor()
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should let a 网格员 read the 住户 of their grid and hide their phone from 为我服务',
    async ({ page, pageErrors }) => {
      await loginAs(page, 'demo-grid-1')
      await openTab(page, '我的')
      await page.getByTestId('me-serving-phone').click()
      await page.locator('[data-testid="serving-phone-public"].nut-switch-open').click()
      await page.getByTestId('serving-page').getByText('已隐藏：居民看不到您的电话').waitFor()
      await page.goBack()

      await page.getByTestId('me-serving-phone').filter({ hasText: '未公开' }).waitFor()
      await page.getByTestId('me-staff-residents').click()
      const list = page.getByTestId('staff-residents-page')
      await list.locator('.nut-tabs-titles-item').getByText('已确认', { exact: true }).click()
      await list
        .getByTestId(`resident-${personRef('demo-resident-1')}`)
        .filter({ hasText: '2单元 301' })
        .waitFor()
      expect(await list.getByTestId('residents-confirm').count()).toBe(0)

      await loginAs(page, 'demo-resident-1')
      await page.goto('/#/pages/places/servers')
      await page
        .getByTestId('servers-page')
        .getByTestId('server-grid_worker')
        .filter({ hasText: '电话未公开' })
        .waitFor()
      expect(pageErrors).toEqual([])
    },
  )
})
