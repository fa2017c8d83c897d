import type { MyQuizResult, QuizRanking, QuizSetup, QuizStandings, QuizStatus } from '../../types/events-quiz'
import { QUIZ_COLLECTIONS as Q, type QuizEntryDoc } from './quiz-collections'
import {
  draft,
  errorOf,
  eventsHarness,
  expectOk,
  OTHER_COMMUNITY,
  RESIDENT,
  RESIDENT_2,
  SECRETARY,
  STREET_STAFF,
  VOLUNTEER,
  type EventsHarness,
} from './test-helpers'

/*
 * 党史知识竞赛 (issue 12). The event runs Saturday 2026-12-05 14:30–16:00 Shanghai
 * (06:30–08:00 UTC); the quiz is open from the start until 16:00 the next day.
 * 王秀兰 (RESIDENT) and 李建国 (RESIDENT_2) are checked in; 张志强 (VOLUNTEER) signed up but is not.
 */

const START = '2026-12-05T06:30:00.000Z'
const DURING = '2026-12-05T06:40:00.000Z'
const CLOSES = '2026-12-06T08:00:00.000Z'

const QUESTIONS = [
  { stem: '中国共产党成立于哪一年？', options: ['1919年', '1921年', '1927年', '1949年'], answer: 1, points: 10 },
  { stem: '遵义会议召开于哪一年？', options: ['1935年', '1937年'], answer: 0, points: 20 },
  { stem: '“两个务必”是在哪次会议上提出的？', options: ['七届二中全会', '八大', '遵义会议'], answer: 0, points: 5 },
]
const ALL_RIGHT = [
  { questionId: 'q1', option: 1 },
  { questionId: 'q2', option: 0 },
  { questionId: 'q3', option: 0 },
]

let h: EventsHarness
let seq = 0
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

const entries = (eventId: string) => h.env.docs<QuizEntryDoc>(Q.entries, { eventId })
const quizDocs = (eventId: string) => h.env.docs(Q.quizzes, { _id: eventId })
const at = (iso: string) => h.env.clock.set(iso)
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

/** An event with a quiz; RESIDENT and RESIDENT_2 checked in at 14:40, VOLUNTEER signed up only. */
async function quizEvent(): Promise<string> {
  const id = await h.published({ capacity: 10 })
  for (const p of [RESIDENT, RESIDENT_2, VOLUNTEER]) expectOk(await h.signUp(p, id))
  expectOk(await h.as(SECRETARY, 'saveQuiz', { eventId: id, questions: QUESTIONS }))
  at(DURING)
  for (const p of [RESIDENT, RESIDENT_2]) {
    const { code } = expectOk(await h.as<{ code: string }>(p, 'myCode', { eventId: id }))
    expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code }))
  }
  return id
}

const submit = (openid: string, eventId: string, answers = ALL_RIGHT, clientRequestId = `quiz-req-${++seq}`) =>
  h.as<MyQuizResult>(openid, 'submitQuiz', { eventId, clientRequestId, answers })

describe('events.saveQuiz and quizSetup', () => {
  it('should keep the questions with their answers and the default window for the organisers', async () => {
    const id = await h.published()
    expect(expectOk(await h.as<QuizSetup>(SECRETARY, 'quizSetup', { eventId: id }))).toMatchObject({
      defaults: { opensAt: '2026-12-05 14:30', closesAt: '2026-12-06 16:00' },
      quiz: null,
    })
    const saved = expectOk(await h.as<QuizSetup>(SECRETARY, 'saveQuiz', { eventId: id, questions: QUESTIONS }))
    expect(saved.quiz).toEqual({
      questions: QUESTIONS.map((q, i) => ({ id: `q${i + 1}`, ...q })),
      opensAt: '2026-12-05 14:30',
      closesAt: '2026-12-06 16:00',
      locked: false,
    })
    expect(expectOk(await h.as<QuizSetup>(STREET_STAFF, 'quizSetup', { eventId: id })).quiz).toEqual(saved.quiz)
  })

  it('should keep a window the organisers typed', async () => {
    const id = await h.published()
    const saved = expectOk(
      await h.as<QuizSetup>(SECRETARY, 'saveQuiz', {
        eventId: id,
        questions: QUESTIONS,
        opensAt: '2026-12-05 15:00',
        closesAt: '2026-12-05 15:30',
      }),
    )
    expect(saved.quiz).toMatchObject({ opensAt: '2026-12-05 15:00', closesAt: '2026-12-05 15:30' })
  })

  it.each([
    [
      'a question with one option',
      { questions: [{ ...QUESTIONS[0], options: ['1921年'], answer: 0 }] },
      '每题至少 2 个选项',
    ],
    ['a correct option that is not there', { questions: [{ ...QUESTIONS[1], answer: 2 }] }, '请选择正确答案'],
    ['no questions', { questions: [] }, '请至少出 1 道题'],
    ['a stem that is too long', { questions: [{ ...QUESTIONS[0], stem: '党'.repeat(201) }] }, '题目最多200个字'],
    [
      'seven options',
      { questions: [{ ...QUESTIONS[0], options: ['1', '2', '3', '4', '5', '6', '7'] }] },
      '每题最多 6 个选项',
    ],
    [
      'a close before the open',
      { questions: QUESTIONS, opensAt: '2026-12-05 15:00', closesAt: '2026-12-05 14:00' },
      '答题截止时间应晚于开始时间',
    ],
    [
      'a close already past',
      { questions: QUESTIONS, opensAt: '2026-11-01 09:00', closesAt: '2026-11-02 09:00' },
      '答题截止时间已过，请重新选择',
    ],
  ])('should refuse %s as bad input and write nothing', async (_what, over, message) => {
    const id = await h.published()
    const answer = await h.as(SECRETARY, 'saveQuiz', { eventId: id, ...over })
    expect(errorOf(answer).code).toBe('BAD_REQUEST')
    expect(JSON.stringify(answer)).toContain(message)
    expect(await quizDocs(id)).toEqual([])
  })

  it('should refuse a resident, and staff of another community, and write nothing', async () => {
    const id = await h.published()
    expect(errorOf(await h.as(RESIDENT, 'saveQuiz', { eventId: id, questions: QUESTIONS })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(RESIDENT, 'quizSetup', { eventId: id })).code).toBe('FORBIDDEN')
    const other = expectOk(
      await h.as<{ id: string }>(STREET_STAFF, 'create', draft({ unitId: OTHER_COMMUNITY }) as Record<string, unknown>),
    ).id
    // 东县门's secretary does not organise at 下马陵; the street above both does.
    expect(errorOf(await h.as(SECRETARY, 'saveQuiz', { eventId: other, questions: QUESTIONS })).code).toBe('FORBIDDEN')
    expect(await quizDocs(id)).toEqual([])
    expect(await quizDocs(other)).toEqual([])
  })

  it('should refuse to change the questions once someone has opened them', async () => {
    const id = await quizEvent()
    expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id }))
    expect(expectOk(await h.as<QuizSetup>(SECRETARY, 'quizSetup', { eventId: id })).quiz?.locked).toBe(true)
    expect(errorOf(await h.as(SECRETARY, 'saveQuiz', { eventId: id, questions: QUESTIONS.slice(0, 1) }))).toEqual({
      code: 'CONFLICT',
      message: '已有居民开始答题，题目和时间不能再修改',
    })
  })
})

describe('events.quiz', () => {
  it('should say there is no quiz on an event without one', async () => {
    const id = await h.published()
    expect(expectOk(await h.as<QuizStatus>(RESIDENT, 'quiz', { eventId: id }))).toMatchObject({
      state: 'none',
      window: null,
    })
  })

  it('should tell someone who did not check in that only attendees answer, and the answers never show', async () => {
    const id = await quizEvent()
    const status = expectOk(await h.as<QuizStatus>(VOLUNTEER, 'quiz', { eventId: id }))
    expect(status).toMatchObject({
      state: 'not_attended',
      window: { opensAt: START, closesAt: CLOSES },
      questionCount: 3,
      totalPoints: 35,
      result: null,
    })
    expect(JSON.stringify(status)).not.toContain('answer')
  })

  it.each([
    ['before the window', '2026-12-05T06:35:00.000Z', 'not_open', { opensAt: '2026-12-05 14:50' }],
    ['in the window', DURING, 'open', {}],
    ['after the window', CLOSES, 'closed', {}],
  ])('should say where an attendee stands %s', async (_what, when, state, window) => {
    const id = await quizEvent()
    expectOk(await h.as(SECRETARY, 'saveQuiz', { eventId: id, questions: QUESTIONS, ...window }))
    at(when)
    expect(expectOk(await h.as<QuizStatus>(RESIDENT, 'quiz', { eventId: id })).state).toBe(state)
  })

  it('should refuse a missing event id as bad input, and say an unknown event is not found', async () => {
    expect(errorOf(await h.as(RESIDENT, 'quiz', {})).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(RESIDENT, 'quiz', { eventId: 'nope' }))).toEqual({
      code: 'NOT_FOUND',
      message: '找不到这个活动',
    })
  })
})

describe('events.openQuiz', () => {
  it('should show the questions without answers and start the clock on the first opening only', async () => {
    const id = await quizEvent()
    const first = expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id }))
    expect(first).toEqual({
      questions: QUESTIONS.map((q, i) => ({ id: `q${i + 1}`, stem: q.stem, options: q.options, points: q.points })),
      openedAt: DURING,
      closesAt: CLOSES,
    })
    at(plus(DURING, 60_000))
    expect(expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id })).openedAt).toBe(DURING)
    expect(await entries(id)).toHaveLength(1)
  })

  it('should refuse someone who did not check in, and write nothing', async () => {
    const id = await quizEvent()
    expect(errorOf(await h.as(VOLUNTEER, 'openQuiz', { eventId: id }))).toEqual({
      code: 'FORBIDDEN',
      message: '签到参加活动后才能答题',
    })
    expect(await entries(id)).toEqual([])
  })

  it('should refuse once the window has closed, and write nothing', async () => {
    const id = await quizEvent()
    at(CLOSES)
    expect(errorOf(await h.as(RESIDENT, 'openQuiz', { eventId: id }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('竞赛已结束'),
    })
    expect(await entries(id)).toEqual([])
  })

  it('should say an event without a quiz has none, and refuse bad input', async () => {
    const id = await h.published()
    expect(errorOf(await h.as(RESIDENT, 'openQuiz', { eventId: id }))).toEqual({
      code: 'NOT_FOUND',
      message: '这个活动没有知识竞赛',
    })
    expect(errorOf(await h.as(RESIDENT, 'openQuiz', { eventId: '' })).code).toBe('BAD_REQUEST')
  })
})

describe('events.submitQuiz', () => {
  it('should score on the server, show the correct answers, and answer a retry with the same result', async () => {
    const id = await quizEvent()
    expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id }))
    at(plus(DURING, 95_000))
    const answers = [
      { questionId: 'q1', option: 1 },
      { questionId: 'q2', option: 1 },
    ]
    const result = expectOk(await submit(RESIDENT, id, answers, 'quiz-req-retry'))
    expect(result).toMatchObject({
      score: 10,
      totalPoints: 35,
      correctCount: 1,
      questionCount: 3,
      elapsedMs: 95_000,
      rank: 1,
    })
    expect(result.review.map((r) => [r.id, r.chosen, r.correct, r.right])).toEqual([
      ['q1', 1, 1, true],
      ['q2', 1, 0, false],
      ['q3', null, 0, false],
    ])
    at(plus(DURING, 200_000))
    expect(expectOk(await submit(RESIDENT, id, ALL_RIGHT, 'quiz-req-retry'))).toEqual(result)
    const [stored] = await entries(id)
    expect(stored).toMatchObject({ status: 'submitted', score: 10, elapsedMs: 95_000 })
    expect(expectOk(await h.as<QuizStatus>(RESIDENT, 'quiz', { eventId: id }))).toMatchObject({
      state: 'submitted',
      result: { score: 10, rank: 1 },
    })
  })

  it('should refuse a second paper from the same person', async () => {
    const id = await quizEvent()
    expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id }))
    expectOk(await submit(RESIDENT, id, [{ questionId: 'q1', option: 0 }]))
    expect(errorOf(await submit(RESIDENT, id, ALL_RIGHT))).toEqual({
      code: 'CONFLICT',
      message: '您已经交过卷了，每人只能答一次',
    })
    expect(errorOf(await h.as(RESIDENT, 'openQuiz', { eventId: id })).message).toBe('您已经交卷了，可以查看成绩和排名')
    expect((await entries(id))[0]).toMatchObject({ score: 0 })
  })

  it('should refuse someone who did not check in, and a paper never opened', async () => {
    const id = await quizEvent()
    expect(errorOf(await submit(VOLUNTEER, id))).toEqual({ code: 'FORBIDDEN', message: '签到参加活动后才能答题' })
    expect(errorOf(await submit(RESIDENT, id))).toEqual({ code: 'CONFLICT', message: '请先打开题目再交卷' })
    expect(await entries(id)).toEqual([])
  })

  it('should refuse a paper after the window has closed and keep it unscored', async () => {
    const id = await quizEvent()
    expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id }))
    at(CLOSES)
    expect(errorOf(await submit(RESIDENT, id))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('竞赛已结束，不能再交卷'),
    })
    expect((await entries(id))[0]).toMatchObject({ status: 'opened', score: null })
  })

  it.each([
    [
      'an answer to a question the quiz does not have',
      { answers: [{ questionId: 'q9', option: 0 }] },
      '答卷里有不属于本次竞赛的题目，请刷新后重答',
    ],
    ['no request id', { clientRequestId: undefined }, '填写的内容有误'],
    ['an option past F', { answers: [{ questionId: 'q1', option: 6 }] }, '填写的内容有误'],
  ])('should refuse %s as bad input and score nothing', async (_what, over, message) => {
    const id = await quizEvent()
    expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id }))
    const e = errorOf(
      await h.as(RESIDENT, 'submitQuiz', { eventId: id, clientRequestId: 'quiz-req-bad', answers: ALL_RIGHT, ...over }),
    )
    expect(e.code).toBe('BAD_REQUEST')
    expect(e.message).toContain(message)
    expect((await entries(id))[0]).toMatchObject({ status: 'opened', score: null })
  })
})

describe('events.quizRanking and quizStandings', () => {
  /** Both open at 14:40; 李建国 submits all right after 60 s, 王秀兰 all right after 120 s. */
  async function tied(): Promise<string> {
    const id = await quizEvent()
    expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id }))
    expectOk(await h.as(RESIDENT_2, 'openQuiz', { eventId: id }))
    at(plus(DURING, 60_000))
    expectOk(await submit(RESIDENT_2, id))
    at(plus(DURING, 120_000))
    expectOk(await submit(RESIDENT, id))
    return id
  }

  it('should break a tie on score by the time taken, and mask names for attendees', async () => {
    const id = await tied()
    const ranking = expectOk(await h.as<QuizRanking>(RESIDENT, 'quizRanking', { eventId: id }))
    expect(ranking).toMatchObject({
      final: false,
      total: 2,
      items: [
        { rank: 1, name: '李**', score: 35, elapsedMs: 60_000, mine: false },
        { rank: 2, name: '王**', score: 35, elapsedMs: 120_000, mine: true },
      ],
      mine: { rank: 2, name: '王**' },
    })
    const text = JSON.stringify(ranking)
    for (const secret of [RESIDENT, RESIDENT_2, '王秀兰', '李建国']) expect(text).not.toContain(secret)
  })

  it('should break a tie on score and time taken by who submitted first', async () => {
    const id = await quizEvent()
    expectOk(await h.as(RESIDENT, 'openQuiz', { eventId: id }))
    at(plus(DURING, 30_000))
    expectOk(await h.as(RESIDENT_2, 'openQuiz', { eventId: id }))
    at(plus(DURING, 90_000))
    expectOk(await submit(RESIDENT, id))
    at(plus(DURING, 120_000))
    expectOk(await submit(RESIDENT_2, id))
    const standings = expectOk(await h.as<QuizStandings>(SECRETARY, 'quizStandings', { eventId: id }))
    expect(standings.items.map((r) => [r.rank, r.name, r.elapsedMs])).toEqual([
      [1, '王秀兰', 90_000],
      [2, '李建国', 90_000],
    ])
  })

  it('should give organisers full names, the phone tail and the count of attendees', async () => {
    const id = await tied()
    const standings = expectOk(await h.as<QuizStandings>(SECRETARY, 'quizStandings', { eventId: id }))
    for (const openid of [RESIDENT, RESIDENT_2]) expect(JSON.stringify(standings)).not.toContain(openid)
    expect(standings).toMatchObject({
      totalPoints: 35,
      attended: 2,
      items: [
        { rank: 1, name: '李建国', phoneTail: '0002', score: 35, correctCount: 3 },
        { rank: 2, name: '王秀兰', phoneTail: '0001', score: 35 },
      ],
    })
  })

  it('should refuse the ranking to someone who did not check in, and the standings to a resident', async () => {
    const id = await tied()
    expect(errorOf(await h.as(VOLUNTEER, 'quizRanking', { eventId: id }))).toEqual({
      code: 'FORBIDDEN',
      message: '签到参加活动后才能查看排名',
    })
    expect(errorOf(await h.as(RESIDENT, 'quizStandings', { eventId: id })).code).toBe('FORBIDDEN')
  })

  it('should refuse bad input', async () => {
    expect(errorOf(await h.as(RESIDENT, 'quizRanking', {})).code).toBe('BAD_REQUEST')
    expect(errorOf(await h.as(SECRETARY, 'quizStandings', { eventId: 7 })).code).toBe('BAD_REQUEST')
  })

  it('should tell each person their score and place once the window closes, once', async () => {
    const id = await tied()
    await h.sweep()
    expect((await h.notices()).filter(([, t]) => t === '知识竞赛成绩')).toEqual([])
    at(CLOSES)
    await h.sweep()
    await h.sweep()
    const results = await h.env.docs<{ openid: string; body: string; link: string }>('outbox', {
      title: '知识竞赛成绩',
    })
    expect(results.map((r) => [r.openid, r.body.split('\n')[0]]).sort()).toEqual([
      [RESIDENT, '「板凳会：楼院停车怎么管」知识竞赛已结束。您的竞赛成绩：35 分，第 2 名（共 2 人答题）。'],
      [RESIDENT_2, '「板凳会：楼院停车怎么管」知识竞赛已结束。您的竞赛成绩：35 分，第 1 名（共 2 人答题）。'],
    ])
    expect(results[0]!.link).toBe(`/pages/events/quiz?id=${encodeURIComponent(id)}`)
    expect(expectOk(await h.as<QuizRanking>(RESIDENT, 'quizRanking', { eventId: id })).final).toBe(true)
  })
})
