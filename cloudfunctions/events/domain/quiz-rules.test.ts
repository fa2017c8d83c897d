import fc from 'fast-check'
import {
  comparePapers,
  defaultQuizWindow,
  markPaper,
  quizWindowState,
  rankPapers,
  type KeyedQuestion,
  type Paper,
} from './quiz-rules'

const QUESTIONS: KeyedQuestion[] = [
  { id: 'q1', answer: 0, points: 10 },
  { id: 'q2', answer: 2, points: 20 },
  { id: 'q3', answer: 1, points: 5 },
]

describe('defaultQuizWindow', () => {
  it('should open at the start and close a day after the end', () => {
    expect(defaultQuizWindow('2026-12-05T06:30:00.000Z', '2026-12-05T08:00:00.000Z')).toEqual({
      opensAt: '2026-12-05T06:30:00.000Z',
      closesAt: '2026-12-06T08:00:00.000Z',
    })
  })
})

describe('quizWindowState', () => {
  const w = { opensAt: '2026-12-05T06:30:00.000Z', closesAt: '2026-12-06T08:00:00.000Z' }
  it.each([
    ['2026-12-05T06:29:59.999Z', 'before'],
    ['2026-12-05T06:30:00.000Z', 'open'],
    ['2026-12-06T07:59:59.999Z', 'open'],
    ['2026-12-06T08:00:00.000Z', 'after'],
  ])('should say that %s is %s', (at, state) => {
    expect(quizWindowState(w, new Date(at))).toBe(state)
  })
})

describe('markPaper', () => {
  it.each([
    ['all right', [0, 2, 1], 35, 3],
    ['one wrong', [0, 1, 1], 15, 2],
    ['one left blank', [0, 2, null], 30, 2],
    ['all wrong', [1, 0, 0], 0, 0],
  ])('should score a paper with %s', (_what, options, score, correctCount) => {
    const answers = options.map((option, i) => ({ questionId: `q${i + 1}`, option }))
    expect(markPaper(QUESTIONS, answers)).toEqual({ score, correctCount, chosen: options })
  })

  it('should count a question left out of the paper as blank', () => {
    expect(markPaper(QUESTIONS, [{ questionId: 'q2', option: 2 }])).toEqual({
      score: 20,
      correctCount: 1,
      chosen: [null, 2, null],
    })
  })

  it.each([
    [
      'a question the quiz does not have',
      [{ questionId: 'q9', option: 0 }],
      '答卷里有不属于本次竞赛的题目，请刷新后重答',
    ],
    [
      'two answers to one question',
      [
        { questionId: 'q1', option: 0 },
        { questionId: 'q1', option: 1 },
      ],
      '同一道题只能选一个答案',
    ],
  ])('should refuse %s', (_what, answers, refused) => {
    expect(markPaper(QUESTIONS, answers)).toEqual({ refused })
  })
})

describe('rankPapers', () => {
  const p = (key: string, score: number, elapsedMs: number, submittedAt: string): Paper => ({
    key,
    score,
    elapsedMs,
    submittedAt,
  })

  it('should rank by score, then time taken, then submission time', () => {
    const ranked = rankPapers([
      p('slow', 90, 300_000, '2026-12-05T07:00:00.000Z'),
      p('low', 60, 10_000, '2026-12-05T06:40:00.000Z'),
      p('fast', 90, 120_000, '2026-12-05T07:10:00.000Z'),
      p('fast-later', 90, 120_000, '2026-12-05T07:20:00.000Z'),
    ])
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['fast', 1],
      ['fast-later', 2],
      ['slow', 3],
      ['low', 4],
    ])
  })

  it('should give papers equal on every key the same place and the next one the place after them', () => {
    const at = '2026-12-05T07:00:00.000Z'
    const ranked = rankPapers([p('b', 80, 60_000, at), p('a', 80, 60_000, at), p('c', 70, 1_000, at)])
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ])
  })

  const paper = fc.record({
    key: fc.uuid(),
    score: fc.integer({ min: 0, max: 300 }),
    elapsedMs: fc.integer({ min: 0, max: 3_600_000 }),
    submittedAt: fc
      .integer({ min: Date.parse('2026-12-05T06:30:00.000Z'), max: Date.parse('2026-12-06T08:00:00.000Z') })
      .map((t) => new Date(t).toISOString()),
  })

  it('should never put a paper above one that beats it, whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(paper, { maxLength: 40 }), (papers) => {
        const ranked = rankPapers(papers)
        expect(ranked).toHaveLength(papers.length)
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!]
          expect(comparePapers(a, b)).toBeLessThanOrEqual(0)
          expect(b.rank).toBe(comparePapers(a, b) === 0 ? a.rank : i + 1)
        }
        expect(rankPapers([...papers].reverse()).map((r) => r.key)).toEqual(ranked.map((r) => r.key))
      }),
    )
  })
})
