import type { EventsContract } from '../../types/events'
import type { Attendance } from '../../types/events-attendance'
import { EVENT_SWEEPS } from '../events/sweeps'
import { draft } from '../events/test-helpers'
import {
  COMMUNITY,
  GRID,
  RESIDENT,
  RESIDENT_2,
  SECRETARY,
  VOLUNTEER,
  type Call,
  type KindsOf,
  type Script,
} from './script'

const EVENTS_KINDS: KindsOf<typeof EventsContract> = {
  list: 'read',
  get: 'read',
  signUp: 'write',
  acceptOffer: 'write',
  cancel: 'write',
  mine: 'read',
  create: 'write',
  update: 'write',
  copy: 'write',
  publish: 'write',
  cancelEvent: 'write',
  skip: 'write',
  createSeries: 'write',
  manage: 'read',
  roster: 'read',
  proxySignUp: 'write',
  decide: 'write',
  exportRoster: 'read',
  myCode: 'write',
  selfCheckIn: 'write',
  venueEvent: 'read',
  myService: 'read',
  checkIn: 'write',
  checkInPerson: 'write',
  walkIn: 'write',
  checkOut: 'write',
  venueCode: 'write',
  attendance: 'read',
  reverseHours: 'write',
  minutes: 'read',
  saveMinutes: 'write',
  raiseCase: 'write',
  quiz: 'read',
  openQuiz: 'write',
  submitQuiz: 'write',
  quizRanking: 'read',
  quizSetup: 'read',
  saveQuiz: 'write',
  quizStandings: 'read',
  figures: 'read',
  exportFigures: 'read',
  myRating: 'read',
  ratable: 'read',
  rate: 'write',
  ratings: 'read',
}

/** Saturday 2026-12-05 14:30–16:00 at 东县门社区 (06:30–08:00 UTC), a 志愿服务 that credits hours. */
const DRAFT = draft({ kind: 'volunteer_service', title: '志愿服务：清扫楼院', capacity: 4 })
const DURING = '2026-12-05T06:40:00.000Z'
const CHECK_OUT = '2026-12-05T07:50:00.000Z'
const ENDED = '2026-12-05T08:01:00.000Z'

let request = 0
const signUp = (call: Call, openid: string, eventId: string) =>
  call(openid, 'events', { action: 'signUp', eventId, clientRequestId: `rt-ev-${String(++request).padStart(4, '0')}` })

/** 活动报名: staff set an event up, residents sign up and wait, check-in three ways, hours, minutes. */
export const eventsScript: Script = {
  fn: 'events',
  kinds: EVENTS_KINDS,
  async play(call, env) {
    const ev = (openid: string, action: string, input: Record<string, unknown> = {}) =>
      call<unknown>(openid, 'events', { action, ...input })
    const created = await call<{ id: string }>(SECRETARY, 'events', { action: 'create', ...DRAFT })
    const eventId = created.id
    await ev(SECRETARY, 'update', { eventId, draft: { ...DRAFT, capacity: 3 } })
    await ev(SECRETARY, 'copy', { eventId })
    await ev(SECRETARY, 'publish', { eventId })
    await ev(RESIDENT, 'list')
    await ev(RESIDENT, 'get', { eventId })
    for (const openid of [RESIDENT, RESIDENT_2, VOLUNTEER, GRID]) await signUp(call, openid, eventId)
    await ev(RESIDENT_2, 'cancel', { eventId })
    await ev(GRID, 'acceptOffer', { eventId })
    await ev(RESIDENT, 'mine')
    await ev(SECRETARY, 'manage', { unitId: COMMUNITY })
    await ev(SECRETARY, 'roster', { eventId })
    await ev(SECRETARY, 'exportRoster', { eventId })

    // 代报名 into a reserved seat, and a sign-up that waits for approval.
    const held = await call<{ id: string }>(SECRETARY, 'events', {
      action: 'create',
      ...DRAFT,
      kind: 'bench_meeting',
      title: '板凳会：楼院停车怎么管',
      reservedSeats: 1,
      approvalRequired: true,
    })
    await ev(SECRETARY, 'publish', { eventId: held.id })
    const proxy = { eventId: held.id, clientRequestId: 'rt-proxy-0001', name: '孙大爷', phone: '13800001111' }
    await ev(SECRETARY, 'proxySignUp', proxy)
    await signUp(call, RESIDENT_2, held.id)
    const pending = await call<{ items: { id: string }[] }>(SECRETARY, 'events', {
      action: 'roster',
      eventId: held.id,
      status: 'pending',
    })
    await ev(SECRETARY, 'decide', { eventId: held.id, registrationId: pending.items[0]?.id, approve: true })
    const series = await call<{ items: { id: string }[] }>(SECRETARY, 'events', {
      action: 'createSeries',
      ...draft({ title: '周一课堂', kind: 'monday_class' }),
      ...{ rule: { kind: 'weekly', weekday: 1 }, from: '2026-12-01', count: 3, publishNow: true },
    })
    await ev(SECRETARY, 'cancelEvent', { eventId: series.items[0]?.id, reason: '天气原因' })
    await ev(SECRETARY, 'skip', { eventId: series.items[1]?.id })

    const { code } = await call<{ code: string }>(RESIDENT, 'events', { action: 'myCode', eventId })
    const { venueCode } = await call<{ venueCode: string }>(SECRETARY, 'events', { action: 'venueCode', eventId })
    await ev(VOLUNTEER, 'venueEvent', { venueCode })
    env.clock.set(DURING)
    await ev(SECRETARY, 'checkIn', { eventId, code })
    await ev(VOLUNTEER, 'selfCheckIn', { eventId, venueCode })
    await ev(SECRETARY, 'walkIn', { eventId, name: '李大爷', phone: '' })
    const before = await call<Attendance>(SECRETARY, 'events', { action: 'attendance', eventId })
    const expected = before.items.find((p) => p.status === 'expected')
    await ev(SECRETARY, 'checkInPerson', { eventId, attendeeId: expected?.id })
    env.clock.set(CHECK_OUT)
    await ev(SECRETARY, 'checkOut', { eventId, attendeeId: expected?.id })

    // 党史知识竞赛: a question set, answered by someone checked in, and the rankings.
    const question = { stem: '中国共产党成立于哪一年？', options: ['1919年', '1921年'], answer: 1 }
    await ev(SECRETARY, 'saveQuiz', { eventId, questions: [question] })
    await ev(SECRETARY, 'quizSetup', { eventId })
    await ev(RESIDENT, 'quiz', { eventId })
    await ev(RESIDENT, 'openQuiz', { eventId })
    const answers = [{ questionId: 'q1', option: 1 }]
    await ev(RESIDENT, 'submitQuiz', { eventId, clientRequestId: 'rt-quiz-0001', answers })
    await ev(RESIDENT, 'quizRanking', { eventId })
    await ev(SECRETARY, 'quizStandings', { eventId })

    // After the end the sweep credits the hours; one of them is taken back.
    env.clock.set(ENDED)
    for (const s of EVENT_SWEEPS) await s.run(env.rt)
    await ev(SECRETARY, 'reverseHours', { eventId, attendeeId: expected?.id, reason: '签到后提前离开' })
    await ev(RESIDENT, 'myService')
    await ev(RESIDENT, 'myRating', { eventId })
    await ev(RESIDENT, 'ratable', { eventIds: [eventId, held.id] })
    await ev(RESIDENT, 'rate', { eventId, value: 'satisfied', comment: '组织得很好' })
    await ev(SECRETARY, 'ratings', { eventId })
    await ev(SECRETARY, 'saveMinutes', { eventId, summary: '大家把楼院清扫干净了。' })
    await ev(SECRETARY, 'minutes', { eventId })
    await ev(SECRETARY, 'figures', { unitId: COMMUNITY, month: '2026-12' })
    await ev(SECRETARY, 'exportFigures', { unitId: COMMUNITY, month: '2026-12' })
    await ev(SECRETARY, 'raiseCase', {
      eventId: held.id,
      clientRequestId: 'rt-minutes-0001',
      categoryCode: 'environment.litter',
      description: '2号楼后面的垃圾站夏天味道很大，希望增加清运次数',
      petitioner: { name: '赵大妈', phone: '13991239999' },
    })
  },
}
