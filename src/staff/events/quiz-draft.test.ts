import { draftFrom, emptyQuestion, toSaveInput, withoutOption, type QuestionDraft } from './quiz-draft'

const SETUP = {
  eventId: 'ev-1',
  title: '党史知识竞赛',
  defaults: { opensAt: '2026-12-05 14:30', closesAt: '2026-12-06 16:00' },
}

const filled = (over: Partial<QuestionDraft> = {}): QuestionDraft => ({
  ...emptyQuestion(),
  stem: ' 中国共产党成立于哪一年？ ',
  options: ['1919年', ' 1921年 '],
  answer: 1,
  points: '10',
  ...over,
})

describe('quiz-draft', () => {
  it('should start a new quiz with one empty question and the default window', () => {
    const d = draftFrom({ ...SETUP, quiz: null })
    expect(d.questions).toHaveLength(1)
    expect(d.questions[0]).toMatchObject({ stem: '', options: ['', '', '', ''], answer: null, points: '10' })
    expect(d).toMatchObject(SETUP.defaults)
  })

  it('should send trimmed questions and the window as typed', () => {
    const d = { questions: [filled()], opensAt: '2026-12-05 15:00', closesAt: '' }
    expect(toSaveInput('ev-1', d)).toEqual({
      input: {
        eventId: 'ev-1',
        questions: [{ stem: '中国共产党成立于哪一年？', options: ['1919年', '1921年'], answer: 1, points: 10 }],
        opensAt: '2026-12-05 15:00',
        closesAt: null,
      },
    })
  })

  it.each([
    ['no stem', { stem: ' ' }, '第 2 题：请填写题目'],
    ['one option', { options: ['1921年', ''] }, '第 2 题：至少填写 2 个选项'],
    ['a blank option among others', { options: ['a', '', 'b'] }, '第 2 题：有空着的选项，请填写或删除'],
    ['no correct answer', { answer: null }, '第 2 题：请点选正确答案'],
    ['points that are not a whole number', { points: '2.5' }, '第 2 题：分值应为 1 到 100 的整数'],
  ])('should name the question to fix when it has %s', (_what, over, problem) => {
    const d = { questions: [filled(), filled(over)], ...SETUP.defaults }
    expect(toSaveInput('ev-1', d)).toEqual({ problem })
  })

  it.each([
    [2, 0, 1],
    [2, 2, null],
    [2, 3, 2],
  ])('should keep the answer %s on its option when option %s goes', (answer, removed, kept) => {
    const q = filled({ options: ['a', 'b', 'c', 'd'], answer })
    expect(withoutOption(q, removed).answer).toBe(kept)
    expect(withoutOption(q, removed).options).toHaveLength(3)
  })
})
