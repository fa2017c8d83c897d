import { approvalReason, checkTimes, type NoticeTimes } from './schedule'

const NOW = new Date('2026-11-22T02:00:00.000Z') // 10:00 Shanghai
const none: NoticeTimes = { publishAt: null, expiresAt: null, pinnedUntil: null, ackRequired: false, ackDeadline: null }

describe('checkTimes', () => {
  it.each<[string, Partial<NoticeTimes>, string[]]>([
    ['nothing set', {}, []],
    ['a schedule tomorrow', { publishAt: '2026-11-23T00:00:00.000Z' }, []],
    ['a schedule half a minute ago (the form was just filled)', { publishAt: '2026-11-22T01:59:30.000Z' }, []],
    ['a schedule an hour ago', { publishAt: '2026-11-22T01:00:00.000Z' }, ['publishAt']],
    [
      'expiry before publication',
      { publishAt: '2026-11-23T00:00:00.000Z', expiresAt: '2026-11-22T12:00:00.000Z' },
      ['expiresAt'],
    ],
    ['expiry already past when publishing now', { expiresAt: '2026-11-21T00:00:00.000Z' }, ['expiresAt']],
    ['pinned until after publication', { pinnedUntil: '2026-11-25T00:00:00+08:00' }, []],
    ['pinned until before publication', { pinnedUntil: '2026-11-20T00:00:00+08:00' }, ['pinnedUntil']],
    ['an ack deadline without asking for acks', { ackDeadline: '2026-11-25T00:00:00+08:00' }, ['ackDeadline']],
    ['an ack deadline in the past', { ackRequired: true, ackDeadline: '2026-11-21T00:00:00+08:00' }, ['ackDeadline']],
  ])('should judge %s', (_name, times, fields) => {
    expect(checkTimes({ ...none, ...times }, NOW).map((i) => i.path[0])).toEqual(fields)
  })
})

describe('approvalReason', () => {
  it.each<[string, Parameters<typeof approvalReason>[0], boolean]>([
    ['a 普通 notice to one grid', { priority: 'normal', audienceKinds: ['grid'], contentNeedsReview: false }, false],
    [
      'a 重要 notice to a community',
      { priority: 'important', audienceKinds: ['community'], contentNeedsReview: false },
      false,
    ],
    ['a 紧急 notice to one grid', { priority: 'urgent', audienceKinds: ['grid'], contentNeedsReview: false }, true],
    ['a notice to a whole street', { priority: 'normal', audienceKinds: ['street'], contentNeedsReview: false }, true],
    [
      'a text the content check sent to review',
      { priority: 'normal', audienceKinds: ['community'], contentNeedsReview: true },
      true,
    ],
  ])('should decide whether %s needs a second person', (_name, facts, needed) => {
    expect(approvalReason(facts) !== null).toBe(needed)
  })
})
