import { cases } from '../cloudfunctions/cases'
import {
  confirmDialog,
  flow,
  imageLoads,
  loginAs,
  openTab,
  startApp,
  textareaByTestId,
  TINY_PNG,
  type E2eApp,
} from './harness'

/*
 * 诉求 end to end, in two browser contexts: 王秀兰 (demo-resident-1) reports litter in her
 * grid with a photo and her location; the grid worker 刘芳 (demo-grid-1) — the routing
 * preview sends 垃圾堆放 in 东县门社区第一网格 to that grid — signs and resolves it; 王秀兰
 * reads the timeline, rates 不满意, and the case goes back to the grid to be handled again.
 */

const IN_GRID_1 = { latitude: 34.2581, longitude: 108.9573 }
const DESCRIPTION = '东县门街12号院3号楼楼道堆满了纸箱和垃圾，一周没人清理'
const REPLY = '已联系物业和环卫清运，楼道已清理干净'
const COMPLAINT = '只清了一半，二楼还堆着'

describe('诉求 (cases)', () => {
  let app: E2eApp
  let neighbourCase: string
  beforeAll(async () => {
    app = await startApp()
    // A neighbour already reported litter nearby: the form should offer it before submitting.
    const res = await cases.invoke(
      {
        action: 'submit',
        clientRequestId: 'e2e-neighbour-0001',
        categoryCode: 'environment.litter',
        description: '12号院门口垃圾桶满了',
        location: { lng: IN_GRID_1.longitude, lat: IN_GRID_1.latitude },
      },
      { openid: 'demo-resident-2' },
      app.host.runtime,
    )
    if (!res.ok) throw new Error(res.error.message)
    neighbourCase = (res.data as { case: { number: string } }).case.number
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should take a case from report to 不满意 and back to the grid',
    async ({ page: resident, context, pageErrors }) => {
      // 王秀兰 opens 我要反映 from 首页; she has reported nothing yet.
      await context.grantPermissions(['geolocation'])
      await context.setGeolocation(IN_GRID_1)
      await loginAs(resident, 'demo-resident-1')
      await resident.getByTestId('home-entry-cases').click()
      const mine = resident.getByTestId('cases-mine-page')
      await mine.getByTestId('cases-mine-empty').waitFor()
      await mine.getByTestId('cases-new').click()

      const form = resident.getByTestId('case-submit-page')
      await form.getByTestId('case-submit-limits').filter({ hasText: '5–500 个字' }).waitFor()
      await form.getByTestId('case-submit-group-environment').click()
      await form.getByTestId('case-submit-category-environment.litter').click()
      await textareaByTestId(form, 'case-submit-description').fill(DESCRIPTION)
      const [chooser] = await Promise.all([
        resident.waitForEvent('filechooser'),
        form.getByTestId('case-submit-photo').click(),
      ])
      await chooser.setFiles({ name: 'litter.png', mimeType: 'image/png', buffer: TINY_PNG })
      await form.getByText('删除', { exact: true }).waitFor()
      // Her community is the default place; 定位 asks for the privacy agreement first.
      await form.getByTestId('case-submit-where').filter({ hasText: '东县门社区' }).waitFor()
      await form.getByTestId('case-submit-locate').click()
      await resident.getByTestId('privacy-popup').getByText('同意并继续').click()
      await form.getByTestId('case-submit-where').filter({ hasText: '我当前的位置' }).waitFor()

      // The neighbour's open case is offered first; hers is a different matter, so she submits.
      await form.getByTestId('case-submit-submit').click()
      await form.getByTestId(`case-similar-${neighbourCase}`).waitFor()
      await form.getByTestId('case-submit-submit').filter({ hasText: '仍要提交' }).click()
      const number = (await form.getByTestId('case-submit-number').textContent())!.trim()
      expect(number).toMatch(/^BL-\d{8}-\d{4}$/)
      expect(number).not.toBe(neighbourCase)
      await form.getByTestId('case-submit-done').getByText('东县门社区第一网格', { exact: false }).waitFor()

      // 刘芳, the grid worker, in another browser context: 我的 → 诉求办理 → 待签收.
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
      const staffErrors: Error[] = []
      staff.on('pageerror', (e) => staffErrors.push(e))
      try {
        await loginAs(staff, 'demo-grid-1')
        await openTab(staff, '我的')
        await staff.getByTestId('me-staff-cases').click()
        const inbox = staff.getByTestId('staff-cases-page')
        await inbox.getByTestId('staff-cases-unit').filter({ hasText: '东县门社区第一网格' }).waitFor()
        await inbox.locator('.nut-tabs-titles-item').filter({ hasText: '待签收 2' }).waitFor()
        await inbox.getByTestId(`case-card-${number}`).click()

        const detail = staff.getByTestId('staff-case-page')
        await detail
          .getByTestId('staff-case-contact')
          .filter({ hasText: '王秀兰' })
          .filter({ hasText: '13991230001' })
          .waitFor()
        await detail.getByTestId('staff-case-preference').getByText('可以电话联系', { exact: false }).waitFor()
        await detail.getByTestId('staff-action-sign').click()
        await detail.getByTestId('case-status').filter({ hasText: '办理中' }).waitFor()
        await detail.getByTestId('staff-action-resolve').click()
        const resolve = detail.getByTestId('staff-form-resolve')
        await resolve.getByTestId('staff-disposition-solved').click()
        await resolve.getByTestId('staff-ledger-general').click()
        await textareaByTestId(resolve, 'staff-action-text').fill(REPLY)
        await resolve.getByTestId('staff-action-submit').click()
        await confirmDialog(staff)
        await detail.getByTestId('case-status').filter({ hasText: '已办结待评价' }).waitFor()
        expect(staffErrors).toEqual([])
      } finally {
        await other.close()
      }

      // 王秀兰 reads the timeline in 我的诉求 and rates 不满意 (asked to confirm: ratings are final).
      await resident.goto('/#/pages/cases/index')
      await resident.getByTestId('cases-mine-page').getByTestId(`case-card-${number}`).click()
      const mineDetail = resident.getByTestId('case-detail-page').last()
      await mineDetail.getByTestId('case-resolution').filter({ hasText: REPLY }).waitFor()
      const timeline = mineDetail.getByTestId('case-timeline')
      await timeline.getByTestId('case-step-signed').filter({ hasText: '东县门社区第一网格' }).waitFor()
      expect(await timeline.getByTestId('case-step-signed').textContent()).toMatch(/\d+月\d+日 \d{2}:\d{2} · 签收/)
      expect(await imageLoads(mineDetail.getByTestId('case-photos').locator('img').first())).toBe(true)

      await mineDetail.getByTestId('case-rate-dissatisfied').click()
      await textareaByTestId(mineDetail, 'case-rate-comment').fill(COMPLAINT)
      await mineDetail.getByTestId('case-rate-submit').click()
      await resident.locator('.nut-dialog').filter({ hasText: '不能修改' }).waitFor()
      await confirmDialog(resident)
      await mineDetail.getByTestId('case-status').filter({ hasText: '办理中' }).waitFor()
      await mineDetail.getByTestId('case-reopened').waitFor()
      await timeline.getByTestId('case-step-reopened').waitFor()
      expect(await mineDetail.getByTestId('case-rate-form').count()).toBe(0)

      // Stored as the function sees it: back at the grid, reopened once, the rating kept in the history.
      const stored = (await app.host.runtime.db.collection('cases').where({ number }).get()).data as Array<{
        status: string
        handlingUnitId: string
        reopenCount: number
        previousRatings: Array<{ value: string; comment: string }>
        photos: string[]
      }>
      expect(stored[0]).toMatchObject({
        status: 'processing',
        handlingUnitId: 'g-dongxianmen-1',
        reopenCount: 1,
        previousRatings: [{ value: 'dissatisfied', comment: COMPLAINT }],
      })
      expect(stored[0]!.photos).toHaveLength(1)
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should show the community its figures and ledger and export the ledger as a download link',
    async ({ page, pageErrors }) => {
      // A case the grid resolved into the 一般问题 ledger today, entered through the function.
      const call = async (openid: string, event: Record<string, unknown>) => {
        const res = await cases.invoke(event, { openid }, app.host.runtime)
        if (!res.ok) throw new Error(res.error.message)
        return res.data as { case?: { id: string; number: string } }
      }
      const made = (
        await call('demo-resident-2', {
          action: 'submit',
          clientRequestId: 'e2e-noise-0001',
          categoryCode: 'neighbour.noise',
          description: '楼下商铺夜里装修很吵',
          location: { lng: IN_GRID_1.longitude, lat: IN_GRID_1.latitude },
        })
      ).case!
      await call('demo-grid-1', { action: 'sign', caseId: made.id })
      await call('demo-grid-1', {
        action: 'resolve',
        caseId: made.id,
        disposition: 'solved',
        ledger: 'general',
        reply: '已上门劝导，晚上八点后停工',
      })

      // 陈静, the community secretary: 我的 → 诉求办理 → 台账与考核, on her community.
      await loginAs(page, 'demo-secretary-1')
      await openTab(page, '我的')
      await page.getByTestId('me-staff-cases').click()
      await page
        .getByTestId('staff-cases-page')
        .getByTestId('staff-cases-unit')
        .filter({ hasText: '东县门社区' })
        .waitFor()
      await page.getByTestId('staff-cases-reports').click()
      const reports = page.getByTestId('staff-case-reports-page')
      await reports.getByTestId('case-ledger-list').getByTestId(`case-card-${made.number}`).waitFor()
      const received = Number(
        await reports.getByTestId('case-figure-received').locator('.case-reports__value').textContent(),
      )
      expect(received).toBeGreaterThanOrEqual(1)
      await reports.getByTestId('case-figure-resolutionRate').filter({ hasText: '%' }).waitFor()

      // On H5 the export is a link the browser downloads: capture where it leads and fetch it.
      await page.evaluate(() => {
        const opened: string[] = []
        Object.assign(window, { __opened: opened })
        window.open = ((url: string) => {
          opened.push(url)
          return null
        }) as typeof window.open
      })
      await reports.getByTestId('case-reports-export').click()
      await reports.getByTestId('case-reports-link').filter({ hasText: '（1 条）' }).click()
      const [url] = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened)
      expect(url).toMatch(/^\/files\//)
      const file = await page.request.get(url!)
      expect(file.status()).toBe(200)
      expect((await file.body()).subarray(0, 2).toString()).toBe('PK')
      expect(pageErrors).toEqual([])
    },
  )
})
