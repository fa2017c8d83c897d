import { registry } from '../cloudfunctions/registry'
import { runSweeps } from '../cloudfunctions/scheduler/sweeps'
import { flow, inputByTestId, loginAs, openTab, phoneContext, startApp, textareaByTestId, type E2eApp } from './harness'

/*
 * 活动签到 on H5 (issue 12): staff check a resident in by the code on the resident's phone
 * and another by name; at a 板凳会 staff find a resident by name, add a walk-in, and turn an
 * issue from the minutes into a 诉求 whose page links back to the event, then open 活动统计;
 * after the event the resident sees the service hours in 我的. The
 * host's clock is set to Saturday 2027-03-06 14:10 Shanghai, ten minutes into the check-in
 * window of a 志愿服务 event at 14:30–16:00.
 */

const SECRETARY = 'demo-secretary-1'

async function invoke<T>(openid: string, event: Record<string, unknown>): Promise<T> {
  const res = await registry.events.invoke(event, { openid }, app.host.runtime)
  if (!res.ok) throw new Error(`${String(event.action)}: ${res.error.code} ${res.error.message}`)
  return res.data as T
}

let app: E2eApp
let eventId = ''
let benchId = ''

/** An event of 东县门社区 on Saturday 2027-03-06 14:30–16:00, published; answers its id. */
async function publishedAt1430(kind: string, title: string): Promise<string> {
  const { id } = await invoke<{ id: string }>(SECRETARY, {
    action: 'create',
    unitId: 'c-dongxianmen',
    kind,
    title,
    place: { name: '社区活动室', address: '东县门街12号' },
    capacity: 10,
    date: '2027-03-06',
    startTime: '14:30',
    endTime: '16:00',
  })
  await invoke(SECRETARY, { action: 'publish', eventId: id })
  return id
}

describe('event check-in', () => {
  beforeAll(async () => {
    app = await startApp()
    app.host.runtime.clock.set('2027-03-06T06:10:00.000Z')
    eventId = await publishedAt1430('volunteer_service', '志愿服务：楼院大扫除')
    for (const [i, openid] of ['demo-resident-1', 'demo-resident-2'].entries()) {
      await invoke(openid, { action: 'signUp', eventId, clientRequestId: `e2e-checkin-${i}` })
    }
    benchId = await publishedAt1430('bench_meeting', '板凳会：楼院停车怎么管')
    await invoke('demo-resident-2', { action: 'signUp', eventId: benchId, clientRequestId: 'e2e-bench-0' })
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should let staff check a resident in by the code on their phone and another by name',
    async ({ page, pageErrors }) => {
      await loginAs(page, 'demo-resident-1')
      await page.goto(`/#/pages/events/detail?id=${encodeURIComponent(eventId)}`)
      await page.getByTestId('event-my-code').click()
      const code = (await page.getByTestId('checkin-qr').locator('.qr-code__caption').innerText()).trim()
      expect(code).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/)

      const staffContext = await phoneContext(app)
      const staff = await staffContext.newPage()
      try {
        await loginAs(staff, SECRETARY)
        await staff.goto(`/#/staff/events/checkin?id=${encodeURIComponent(eventId)}`)
        await staff.getByTestId('door-counts').filter({ hasText: '已签到 0 · 报名 2' }).waitFor()
        await inputByTestId(staff, 'door-code-input').fill(code)
        await staff.getByTestId('door-code-submit').click()
        await staff.getByTestId('door-counts').filter({ hasText: '已签到 1 · 报名 2' }).waitFor()
        // A second scan of the same code says so and changes nothing.
        await inputByTestId(staff, 'door-code-input').fill(code)
        await staff.getByTestId('door-code-submit').click()
        await staff
          .getByText(/已签到过（14:1\d），无需重复签到/)
          .first()
          .waitFor()

        await inputByTestId(staff, 'door-search').fill('李建国')
        await staff.getByTestId('door-row').filter({ hasText: '李建国' }).getByTestId('door-check-in').click()
        await inputByTestId(staff, 'door-search').fill('')
        await staff.getByTestId('door-counts').filter({ hasText: '已签到 2 · 报名 2' }).waitFor()
      } finally {
        await staffContext.close()
      }

      await page.reload()
      await page
        .getByTestId('checkin-done')
        .filter({ hasText: /已签到 14:1\d/ })
        .waitFor()
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should let staff check in by name and a walk-in at a 板凳会, turn an issue into a case that links back, and see the figures',
    async ({ page, pageErrors }) => {
      // 14:40, ten minutes into the 板凳会: minutes may be written once it has started.
      app.host.runtime.clock.set('2027-03-06T06:40:00.000Z')
      await loginAs(page, SECRETARY)
      await page.goto(`/#/staff/events/checkin?id=${encodeURIComponent(benchId)}`)
      await inputByTestId(page, 'door-search').fill('李建国')
      await page.getByTestId('door-row').filter({ hasText: '李建国' }).getByTestId('door-check-in').click()
      await inputByTestId(page, 'door-search').fill('')
      await inputByTestId(page, 'door-walk-in-name').fill('王大爷')
      await page.getByTestId('door-walk-in-submit').click()
      await page.getByTestId('door-counts').filter({ hasText: '已签到 2 · 报名 1 · 补登 1' }).waitFor()

      await page.goto(`/#/staff/events/minutes?id=${encodeURIComponent(benchId)}`)
      await page.getByTestId('minutes-attendees').filter({ hasText: '到场 2 人' }).waitFor()
      // The category list is the browser's own, found by its spoken name (ChoicePicker).
      await page.getByRole('combobox', { name: '诉求类别' }).selectOption({ index: 1 })
      await textareaByTestId(page, 'minutes-issue').fill('3号楼门口晚上总有车堵住消防通道')
      await inputByTestId(page, 'minutes-petitioner').fill('王大爷')
      await inputByTestId(page, 'minutes-petitioner-phone').fill('13991239999')
      await page.getByTestId('minutes-raise-submit').click()
      await page
        .getByTestId('minutes-issues')
        .getByText(/王大爷：3号楼门口/)
        .click()
      await page
        .getByTestId('case-origin')
        .filter({ hasText: '座谈征：来自活动「板凳会：楼院停车怎么管」的纪要' })
        .click()
      await page.getByTestId('event-detail-page').getByText('板凳会：楼院停车怎么管').first().waitFor()

      await page.goto('/#/staff/events/figures')
      await page.getByTestId('event-figures-total').waitFor()
      await page.getByTestId('event-figures-unit').filter({ hasText: '东县门社区' }).waitFor()
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should show the resident the service hours in 我的 and 志愿服务记录 once the event is over',
    async ({ page, pageErrors }) => {
      app.host.runtime.clock.set('2027-03-06T08:05:00.000Z')
      await runSweeps(app.host.runtime)
      await loginAs(page, 'demo-resident-1')
      await openTab(page, '我的')
      await page.getByTestId('me-service-record').filter({ hasText: '累计 1.5 小时' }).waitFor()
      await page.getByTestId('me-service-record').click()
      await page.getByTestId('service-record-total').filter({ hasText: '累计 1.5 小时' }).waitFor()
      await page.getByTestId('service-record-row').filter({ hasText: '活动：志愿服务：楼院大扫除' }).waitFor()
      expect(pageErrors).toEqual([])
    },
  )
})
