import { createTestEnv, type TestEnv } from '../core/testing'

/* Report periods: a 2月30日 or a reversed period used to be accepted and name the export file. */

describe('cases report periods', () => {
  let env: TestEnv
  beforeAll(async () => {
    env = await createTestEnv({ now: '2026-03-10T02:00:00.000Z' })
  })
  afterAll(() => env.close())

  const call = (action: string, from: string, to: string) =>
    env.call('demo-secretary-1', 'cases', { action, unitId: 'c-dongxianmen', ledger: 'general', from, to })

  it.each(['ledger', 'figures', 'export'])(
    'should refuse a day that does not exist in %s, naming the field',
    async (action) => {
      const res = await call(action, '2026-02-30', '2026-03-01')
      expect(res.ok ? null : [res.error.code, res.error.issues?.[0]?.path]).toEqual(['BAD_REQUEST', ['from']])
    },
  )

  it.each(['ledger', 'figures', 'export'])(
    'should refuse a period that ends before it starts in %s',
    async (action) => {
      const res = await call(action, '2026-03-05', '2026-03-01')
      expect(res.ok ? null : [res.error.code, res.error.issues?.[0]?.message]).toEqual([
        'BAD_REQUEST',
        '结束日期不能早于开始日期',
      ])
    },
  )

  it('should refuse a period longer than a year, and accept a real one', async () => {
    const long = await call('figures', '2024-01-01', '2026-03-01')
    expect(long.ok ? null : long.error.issues?.[0]?.message).toBe('一次最多查询一年')
    expect((await call('figures', '2026-02-01', '2026-02-28')).ok).toBe(true)
    expect((await call('figures', '2024-02-29', '2024-02-29')).ok).toBe(true)
  })
})
