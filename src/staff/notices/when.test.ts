import { confirmText, instantOf, noticeFacts, wallTimeAhead, wallTimeText } from './when'

describe('instantOf', () => {
  it('should read a picked date and time on the Shanghai clock', () => {
    expect(instantOf({ date: '2026-11-23', time: '08:00' })).toBe('2026-11-23T08:00:00+08:00')
    expect(new Date(instantOf({ date: '2026-11-23', time: '08:00' })!).toISOString()).toBe('2026-11-23T00:00:00.000Z')
  })

  it('should leave a field that is off as null', () => {
    expect(instantOf(null)).toBeNull()
  })
})

describe('wallTimeAhead', () => {
  it('should start at the next whole hour after the given hours, on the Shanghai clock', () => {
    // 2026-11-22 23:20 Shanghai + 12 h = 11:20 → 12:00 the next day
    expect(wallTimeAhead(new Date('2026-11-22T15:20:00Z'), 12)).toEqual({ date: '2026-11-23', time: '12:00' })
  })
})

describe('wallTimeText', () => {
  it('should say the month and day without leading zeros', () => {
    expect(wallTimeText({ date: '2026-03-05', time: '08:00' })).toBe('3月5日 08:00')
  })
})

describe('confirmText', () => {
  const off = { publishAt: null, pinnedUntil: null, expiresAt: null, ackDeadline: null }

  it('should state the number of people for a notice going out now', () => {
    expect(confirmText({ priority: 'normal', times: off }, 42)).toBe('这条通知将发送给 42 人。发布后可以修改或撤回。')
  })

  it('should state when a scheduled 紧急 notice goes out and that it needs a second person', () => {
    const times = { ...off, publishAt: { date: '2026-11-23', time: '08:00' } }
    expect(confirmText({ priority: 'urgent', times }, 7)).toBe(
      '这条通知将于 11月23日 08:00 发送给 7 人（紧急通知需另一位工作人员审核）。发布后可以修改或撤回。',
    )
  })
})

describe('noticeFacts', () => {
  const none = {
    publishAt: null,
    pinnedUntil: null,
    expiresAt: null,
    ackDeadline: null,
    attachments: [],
    eventId: null,
    status: 'published',
  }

  it('should list nothing for a plain notice', () => {
    expect(noticeFacts(none, (iso) => iso)).toEqual([])
  })

  it('should say when a scheduled notice goes out, what is pinned and attached, and the event link', () => {
    const n = {
      ...none,
      status: 'scheduled',
      publishAt: 'A',
      pinnedUntil: 'B',
      attachments: [{ name: '停水范围.pdf' }],
      eventId: 'e1',
    }
    expect(noticeFacts(n, (iso) => `<${iso}>`)).toEqual([
      '定时发布：<A>',
      '置顶到：<B>',
      '附件：停水范围.pdf',
      '已关联活动，居民可从通知直接报名',
    ])
  })

  it('should not repeat the schedule once the notice is out', () => {
    expect(noticeFacts({ ...none, publishAt: 'A' }, (iso) => iso)).toEqual([])
  })
})
