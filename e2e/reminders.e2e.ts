import type { Page } from 'playwright-core'
import { drainOutbox } from '../cloudfunctions/core/outbox'
import { registry } from '../cloudfunctions/registry'
import type { OutboxDoc } from '../cloudfunctions/core/collections'
import { flow, inputByTestId, loginAs, openTab, startApp, textareaByTestId, type E2eApp } from './harness'

/*
 * Notifications as people meet them on H5: the unread count on the 消息 tab, and the
 * 消息提醒 page in 我的 (no WeChat messages on H5: it says reminders arrive in 消息), and a
 * decision that waits for a supervisor reaching them.
 */

/** The count on the 消息 tab (the second tab), or null when there is no badge. */
async function inboxBadge(page: Page): Promise<string | null> {
  const badge = page.locator('.taro-tabbar__tabbar .weui-tabbar__item').nth(1).locator('.weui-badge')
  if ((await badge.count()) === 0 || !(await badge.first().isVisible())) return null
  return (await badge.first().innerText()).trim()
}

describe('notifications', () => {
  let app: E2eApp
  beforeAll(async () => {
    app = await startApp()
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should show the grid worker an unread count on 消息 once a resident reports, and clear it after reading',
    async ({ page, pageErrors }) => {
      // A resident reports from the grid (the cases flow covers the form itself).
      const submitted = await registry.cases.invoke(
        {
          action: 'submit',
          clientRequestId: 'e2e-badge-1',
          categoryCode: 'environment.litter',
          description: '2号楼门口的垃圾三天没人清运了',
          location: { lng: 108.9573, lat: 34.2581 },
          address: '东县门',
        },
        { openid: 'demo-resident-2' },
        app.host.runtime,
      )
      expect(submitted.ok).toBe(true)
      await drainOutbox(app.host.runtime)

      await loginAs(page, 'demo-grid-1')
      await page.waitForFunction(
        () => !!document.querySelector('.taro-tabbar__tabbar .weui-tabbar__item:nth-child(2) .weui-badge'),
      )
      const before = Number(await inboxBadge(page))
      expect(before).toBeGreaterThanOrEqual(1)

      await openTab(page, '消息')
      await page.getByTestId('inbox-read-all').click()
      await page.getByTestId('inbox-unread').filter({ hasText: '没有未读消息' }).waitFor()
      await page.waitForFunction(
        () =>
          !document.querySelector(
            '.taro-tabbar__tabbar .weui-tabbar__item:nth-child(2) .weui-badge:not([style*="display: none"])',
          ),
      )
      expect(await inboxBadge(page)).toBeNull()
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should list every kind of reminder in 消息提醒 and say that on H5 they arrive in 消息',
    async ({ page, pageErrors }) => {
      await loginAs(page, 'demo-resident-1')
      await openTab(page, '我的')
      await page.getByTestId('me-reminders').click()
      await page.getByTestId('reminders-intro').filter({ hasText: '所有提醒都会出现在「消息」里' }).waitFor()
      await page.getByTestId('reminder-caseAccepted').filter({ hasText: '未开启' }).waitFor()
      for (const group of ['case', 'wish', 'event', 'notice']) await page.getByTestId(`reminders-${group}`).waitFor()
      // No WeChat here, so no button that could only fail.
      expect(await page.getByTestId('reminders-allow-case').count()).toBe(0)
      expect(pageErrors).toEqual([])
    },
  )

  flow(
    () => app,
    'should bring a grid worker’s extension request to the community secretary’s 延期待审核 box and 消息',
    async ({ page, pageErrors }) => {
      const call = async (openid: string, event: Record<string, unknown>) => {
        const res = await registry.cases.invoke(event, { openid }, app.host.runtime)
        if (!res.ok) throw new Error(res.error.message)
        return res.data as { case?: { id: string; number: string } }
      }
      const made = (
        await call('demo-resident-1', {
          action: 'submit',
          clientRequestId: 'e2e-extension-1',
          categoryCode: 'environment.litter',
          description: '5号楼后面的建筑垃圾堆了一个月',
          location: { lng: 108.9573, lat: 34.2581 },
          address: '东县门',
        })
      ).case!
      await call('demo-grid-1', { action: 'sign', caseId: made.id })

      // 刘芳, the grid worker, asks for 5 more days on the case's page.
      await loginAs(page, 'demo-grid-1')
      await page.goto(`/#/staff/cases/detail?id=${encodeURIComponent(made.id)}`)
      const detail = page.getByTestId('staff-case-page')
      await detail.getByTestId('staff-action-requestExtension').click()
      const form = detail.getByTestId('staff-form-requestExtension')
      await inputByTestId(form, 'staff-extension-days').fill('5')
      await textareaByTestId(form, 'staff-action-text').fill('需协调渣土车清运，周末才能安排')
      await form.getByTestId('staff-action-submit').click()
      await detail.getByTestId('case-timeline').getByText('申请延期5天', { exact: false }).waitFor()
      await drainOutbox(app.host.runtime)

      // The decision is the secretary's: a 待办提醒 is queued for her, the grid's staff get none.
      const queued = (await app.host.runtime.db.collection('outbox').where({ openid: 'demo-secretary-1' }).get())
        .data as OutboxDoc[]
      expect(queued.filter((d) => d.title === '有延期申请待审核').map((d) => d.template?.kind)).toEqual(['staffTodo'])

      // 陈静 sees it counted in 我的 → 工作台, opens 延期待审核 from there, and has it in 消息.
      await loginAs(page, 'demo-secretary-1')
      await openTab(page, '我的')
      await page.getByTestId('me-workload-extension').filter({ hasText: '1 件' }).click()
      const inbox = page.getByTestId('staff-cases-page')
      await inbox.locator('.nut-tabs-titles-item').filter({ hasText: '延期待审核 1' }).waitFor()
      await inbox.getByTestId(`case-card-${made.number}`).waitFor()
      // Back to a tab page (the staff pages have no tab bar), then 消息.
      await loginAs(page, 'demo-secretary-1')
      await openTab(page, '消息')
      await page
        .locator('[data-testid^="inbox-item-"]')
        .filter({ hasText: '有延期申请待审核' })
        .filter({ hasText: made.number })
        .waitFor()
      expect(pageErrors).toEqual([])
    },
  )
})
