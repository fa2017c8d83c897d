import { registry } from '../cloudfunctions/registry'
import { runSweeps } from '../cloudfunctions/scheduler/sweeps'
import { flow, inputByTestId, loginAs, openTab, phoneContext, startApp, type E2eApp } from './harness'

/*
 * 活动签到 on H5 (issue 12): staff check a resident in by the code on the resident's phone
 * and another by name; after the event the resident sees the service hours in 我的. The
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

describe('event check-in', () => {
  beforeAll(async () => {
    app = await startApp()
    app.host.runtime.clock.set('2027-03-06T06:10:00.000Z')
    const created = await invoke<{ id: string }>(SECRETARY, {
      action: 'create',
      unitId: 'c-dongxianmen',
      kind: 'volunteer_service',
      title: '志愿服务：楼院大扫除',
      place: { name: '社区活动室', address: '东县门街12号' },
      capacity: 10,
      date: '2027-03-06',
      startTime: '14:30',
      endTime: '16:00',
    })
    eventId = created.id
    await invoke(SECRETARY, { action: 'publish', eventId })
    for (const [i, openid] of ['demo-resident-1', 'demo-resident-2'].entries()) {
      await invoke(openid, { action: 'signUp', eventId, clientRequestId: `e2e-checkin-${i}` })
    }
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
    'should show the resident the service hours in 志愿服务记录 once the event is over',
    async ({ page, pageErrors }) => {
      app.host.runtime.clock.set('2027-03-06T08:05:00.000Z')
      await runSweeps(app.host.runtime)
      await loginAs(page, 'demo-resident-1')
      await openTab(page, '我的')
      await page.getByTestId('me-service-record').click()
      await page.getByTestId('service-record-total').filter({ hasText: '累计 1.5 小时' }).waitFor()
      await page.getByTestId('service-record-row').filter({ hasText: '活动：志愿服务：楼院大扫除' }).waitFor()
      expect(pageErrors).toEqual([])
    },
  )
})
