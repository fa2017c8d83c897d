import { blocking, scanPage } from './axe'
import { confirmDialog, flow, inputByTestId, invokeAs, loginAs, phoneContext, startApp, type E2eApp } from './harness'

/*
 * 党史知识竞赛 on H5 (issue 12): staff check a resident in at the door; the resident opens
 * the quiz from the event page, answers, and sees the score, the correct answers and the
 * ranking with masked names; the organiser's ranking shows full names. The host's clock is
 * Saturday 2027-03-06 14:10 Shanghai, in the check-in window of a 14:30–16:00 竞赛 whose quiz
 * opens at 14:00. 李建国 has already answered (all right) through the function.
 */

const SECRETARY = 'demo-secretary-1'
const RESIDENT = 'demo-resident-1'
const RESIDENT_2 = 'demo-resident-2'

const invoke = <T>(openid: string, event: Record<string, unknown>) => invokeAs<T>(app, openid, 'events', event)

let app: E2eApp
let eventId = ''

describe('党史知识竞赛', () => {
  beforeAll(async () => {
    app = await startApp()
    app.host.runtime.clock.set('2027-03-06T06:10:00.000Z')
    eventId = (
      await invoke<{ id: string }>(SECRETARY, {
        action: 'create',
        unitId: 'c-dongxianmen',
        kind: 'party_quiz',
        title: '党史知识竞赛（三月）',
        place: { name: '社区活动室', address: '东县门街12号' },
        capacity: 10,
        date: '2027-03-06',
        startTime: '14:30',
        endTime: '16:00',
      })
    ).id
    await invoke(SECRETARY, { action: 'publish', eventId })
    await invoke(SECRETARY, {
      action: 'saveQuiz',
      eventId,
      opensAt: '2027-03-06 14:00',
      questions: [
        { stem: '中国共产党成立于哪一年？', options: ['1919年', '1921年', '1927年'], answer: 1, points: 10 },
        { stem: '中华人民共和国成立于哪一年？', options: ['1945年', '1949年'], answer: 1, points: 10 },
      ],
    })
    for (const [i, openid] of [RESIDENT, RESIDENT_2].entries()) {
      await invoke(openid, { action: 'signUp', eventId, clientRequestId: `e2e-quiz-${i}` })
    }
    const { code } = await invoke<{ code: string }>(RESIDENT_2, { action: 'myCode', eventId })
    await invoke(SECRETARY, { action: 'checkIn', eventId, code })
    await invoke(RESIDENT_2, { action: 'openQuiz', eventId })
    const answers = [
      { questionId: 'q1', option: 1 },
      { questionId: 'q2', option: 1 },
    ]
    await invoke(RESIDENT_2, { action: 'submitQuiz', eventId, clientRequestId: 'e2e-quiz-paper', answers })
  })
  afterAll(() => app?.close())

  flow(
    () => app,
    'should let a resident checked in at the door answer the quiz and see the score and the ranking',
    async ({ page, pageErrors }) => {
      const staffContext = await phoneContext(app)
      const staff = await staffContext.newPage()
      try {
        await loginAs(staff, SECRETARY)
        await staff.goto(`/#/staff/events/checkin?id=${encodeURIComponent(eventId)}`)
        await inputByTestId(staff, 'door-search').fill('王秀兰')
        await staff.getByTestId('door-row').filter({ hasText: '王秀兰' }).getByTestId('door-check-in').click()
        await inputByTestId(staff, 'door-search').fill('')
        await staff.getByTestId('door-counts').filter({ hasText: '已签到 2 · 报名 2' }).waitFor()
      } catch (err) {
        await staffContext.close()
        throw err
      }

      await loginAs(page, RESIDENT)
      await page.goto(`/#/pages/events/detail?id=${encodeURIComponent(eventId)}`)
      await page.getByTestId('event-quiz').click()
      await page.getByTestId('quiz-start').click()
      await page.getByTestId('quiz-option-q1-1').click()
      expect(blocking(await scanPage(page, '知识竞赛答题', '/pages/events/quiz'))).toEqual([])
      await page.getByTestId('quiz-submit').click()
      // One question left blank: 交卷 asks first.
      await page.getByText('还有 1 道题没有作答，交卷后不能再改。确定交卷吗？').waitFor()
      await confirmDialog(page)
      await page.getByTestId('quiz-result-score').filter({ hasText: '10 分' }).waitFor()
      await page.getByTestId('quiz-review-q2').filter({ hasText: '答错了：您选 未作答，正确答案 B. 1949年' }).waitFor()
      const rows = page.getByTestId('quiz-ranking-row')
      await rows.nth(1).filter({ hasText: '王**（我）' }).waitFor()
      expect(await rows.allInnerTexts()).toEqual([
        expect.stringMatching(/^李\*\*\s*第 1 名 · 20 分/),
        expect.stringMatching(/^王\*\*（我）\s*第 2 名 · 10 分/),
      ])
      expect(blocking(await scanPage(page, '知识竞赛成绩', '/pages/events/quiz'))).toEqual([])

      try {
        await staff.goto(`/#/staff/events/quiz?id=${encodeURIComponent(eventId)}`)
        await staff.getByTestId('quiz-locked').waitFor()
        await staff.getByTestId('quiz-standing-row').filter({ hasText: '第 2 名 王秀兰（尾号 0001）' }).waitFor()
        expect(blocking(await scanPage(staff, '知识竞赛（工作人员）', '/staff/events/quiz'))).toEqual([])
      } finally {
        await staffContext.close()
      }
      expect(pageErrors).toEqual([])
    },
  )
})
