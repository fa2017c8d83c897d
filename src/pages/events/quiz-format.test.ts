import dayjs from '../../lib/dayjs'
import { paperAnswers, rankLine, statusLine, unansweredCount } from './quiz-format'

const QUESTIONS = [
  { id: 'q1', stem: '中国共产党成立于哪一年？', options: ['1919年', '1921年'], points: 10 },
  { id: 'q2', stem: '遵义会议召开于哪一年？', options: ['1935年', '1937年'], points: 20 },
  { id: 'q3', stem: '中华人民共和国成立于哪一年？', options: ['1945年', '1949年'], points: 5 },
]

describe('quiz-format', () => {
  it('should send every question in order, a blank one as null', () => {
    expect(paperAnswers(QUESTIONS, { q3: 1, q1: 0 })).toEqual([
      { questionId: 'q1', option: 0 },
      { questionId: 'q2', option: null },
      { questionId: 'q3', option: 1 },
    ])
  })

  it('should count the questions left blank, option 0 being an answer', () => {
    expect(unansweredCount(QUESTIONS, { q1: 0 })).toBe(2)
    expect(unansweredCount(QUESTIONS, { q1: 0, q2: 1, q3: 0 })).toBe(0)
  })

  it('should say a place, a score and the time taken', () => {
    expect(rankLine({ rank: 3, score: 85, elapsedMs: 125_000 })).toBe('第 3 名 · 85 分 · 用时 2分05秒')
    expect(rankLine({ rank: 1, score: 100, elapsedMs: 48_400 })).toBe('第 1 名 · 100 分 · 用时 48秒')
  })

  it.each([
    ['none', '这个活动没有知识竞赛'],
    ['not_attended', '签到参加活动后才能答题。如已到场，请找工作人员签到。'],
    ['not_open', '竞赛还没开始。答题时间：'],
    ['closed', '竞赛已结束，感谢关注。答题时间：'],
  ] as const)('should say what %s means', (state, start) => {
    const window = { opensAt: dayjs().add(1, 'day').toISOString(), closesAt: dayjs().add(2, 'day').toISOString() }
    expect(statusLine({ state, window: state === 'none' ? null : window })).toMatch(new RegExp(`^${start}`))
  })
})
