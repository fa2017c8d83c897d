import type { Runtime } from '../cloudfunctions/core/runtime'
import { events } from '../cloudfunctions/events'
import type { EventDraftInput } from '../types/events'

/**
 * Demo 活动 from the seeds' communities, made through the `events` function itself: a
 * monthly 板凳会 and a weekly 周一课堂 (series), 老党员讲故事, an 义诊 with a sensitive
 * question that 李建国 answered, a 党史知识竞赛, a full 议事协商会 (so the waitlist shows),
 * and the street's reading day. Dates count from the clock, so they are always ahead.
 */
const DAY_MS = 86_400_000

function shanghaiDate(now: Date, plusDays: number): string {
  return new Date(now.getTime() + 8 * 3600_000 + plusDays * DAY_MS).toISOString().slice(0, 10)
}

async function act(rt: Runtime, openid: string, event: Record<string, unknown>): Promise<{ id: string }> {
  const res = await events.invoke(event, { openid }, rt)
  if (!res.ok) throw new Error(`demo events: ${String(event.action)} failed: ${res.error.message}`)
  return res.data as { id: string }
}

const HALL = {
  name: '东县门社区党群服务中心',
  address: '碑林区东县门街道口',
  location: { lng: 108.9593, lat: 34.2581 },
}
const ORGANISER = { name: '陈静', phone: '029-87421234' }

/** The 党史知识竞赛's questions: attendees answer them in the app once checked in. */
const DEMO_QUIZ = [
  { stem: '中国共产党第一次全国代表大会在哪一年召开？', options: ['1919年', '1921年', '1927年', '1949年'], answer: 1 },
  { stem: '标志着中国革命从此有了新的领导核心的会议是？', options: ['八七会议', '古田会议', '遵义会议'], answer: 2 },
  { stem: '“两个务必”是在哪次会议上提出的？', options: ['七届二中全会', '中共八大', '十一届三中全会'], answer: 0 },
  { stem: '红军长征胜利结束的标志是哪一年的会师？', options: ['1935年', '1936年', '1937年'], answer: 1 },
  { stem: '中华人民共和国成立于哪一年？', options: ['1945年', '1949年', '1950年', '1954年'], answer: 1 },
]

function one(
  now: Date,
  days: number,
  over: Partial<EventDraftInput> & Pick<EventDraftInput, 'kind' | 'title'>,
): EventDraftInput {
  return {
    unitId: 'c-dongxianmen',
    place: HALL,
    capacity: 30,
    date: shanghaiDate(now, days),
    startTime: '09:30',
    endTime: '11:00',
    organiser: ORGANISER,
    ...over,
  }
}

export async function seedEvents(rt: Runtime): Promise<void> {
  const now = rt.clock.now()
  const secretary = 'demo-secretary-1'
  const publish = async (draft: EventDraftInput, by = secretary): Promise<string> => {
    const { id } = await act(rt, by, { action: 'create', ...draft })
    await act(rt, by, { action: 'publish', eventId: id })
    return id
  }
  const signUp = (openid: string, eventId: string, extra: Record<string, unknown> = {}) =>
    act(rt, openid, { action: 'signUp', eventId, clientRequestId: `demo-${openid}-${eventId}`.slice(0, 64), ...extra })

  await act(rt, secretary, {
    action: 'createSeries',
    unitId: 'c-dongxianmen',
    kind: 'bench_meeting',
    title: '板凳会',
    description: '每月一次，居民、物业、社区坐下来拉家常、议小事，有话当面说，有事商量办。',
    place: { ...HALL, name: '东县门小区中心广场' },
    capacity: 40,
    startTime: '15:00',
    endTime: '16:30',
    rule: { kind: 'monthly', day: 15 },
    from: shanghaiDate(now, 1),
    count: 3,
    opensDaysBefore: 10,
    publishNow: true,
    organiser: ORGANISER,
  })
  await act(rt, secretary, {
    action: 'createSeries',
    unitId: 'c-dongxianmen',
    kind: 'monday_class',
    title: '周一课堂',
    description: '每周一上午，党员骨干轮流讲政策、讲身边事，欢迎居民旁听。',
    place: HALL,
    capacity: 30,
    startTime: '09:00',
    endTime: '10:00',
    rule: { kind: 'weekly', weekday: 1 },
    from: shanghaiDate(now, 1),
    count: 4,
    opensDaysBefore: 7,
    publishNow: true,
    organiser: ORGANISER,
  })
  await publish(
    one(now, 3, {
      kind: 'party_story',
      title: '老党员讲故事：我的入党故事',
      description: '社区老党员讲述入党经历和几十年来社区的变化。',
    }),
  )
  const clinic = await publish(
    one(now, 5, {
      kind: 'clinic',
      title: '健康义诊进社区',
      description: '社区卫生服务站联合医院专家，免费测血压、血糖，提供用药咨询。',
      capacity: 40,
      guestsMax: 1,
      audience: { kind: 'everyone', placeIds: [] },
      questions: [
        {
          id: 'ill',
          kind: 'text',
          label: '慢性病情况（仅社区书记可见）',
          required: false,
          options: [],
          sensitive: true,
        },
        {
          id: 'item',
          kind: 'choice',
          label: '想做的检查',
          required: true,
          options: ['血压', '血糖', '都要'],
          sensitive: false,
        },
      ],
      terms: '请空腹前来，携带既往病历和正在服用的药品。',
    }),
  )
  await signUp('demo-resident-2', clinic, {
    acceptTerms: true,
    answers: [
      { questionId: 'ill', value: '高血压十年' },
      { questionId: 'item', value: '都要' },
    ],
  })
  const quiz = await publish(
    one(now, 10, {
      kind: 'party_quiz',
      title: '党史知识竞赛（月赛）',
      capacity: 20,
      startTime: '14:30',
      endTime: '16:00',
    }),
  )
  await act(rt, secretary, { action: 'saveQuiz', eventId: quiz, questions: DEMO_QUIZ })
  const meeting = await publish(
    one(now, 7, {
      kind: 'consultation',
      title: '议事协商会：加装电梯怎么分摊',
      capacity: 2,
      startTime: '19:00',
      endTime: '20:30',
    }),
  )
  await signUp('demo-volunteer-1', meeting)
  await signUp('demo-grid-1', meeting)
  await publish(
    {
      ...one(now, 6, {
        kind: 'culture',
        title: '全民阅读·书香进社区',
        description: '街道图书分馆送书上门，亲子共读、好书分享。',
        capacity: 0,
        audience: { kind: 'community', placeIds: [] },
      }),
      unitId: 's-baishulin',
      organiser: { name: '赵伟', phone: '029-87450000' },
    },
    'demo-street-1',
  )
}
