import { parseRequestsQuery } from './open311-query'

const q = (fields: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]))
const now = new Date('2026-11-22T00:00:00Z')

describe('parseRequestsQuery', () => {
  it('should search the last 90 days, first page of 50, by default', () => {
    const out = parseRequestsQuery({}, now)
    expect(
      out.ok && [out.query.start.toISOString(), out.query.end.toISOString(), out.query.page, out.query.pageSize],
    ).toEqual(['2026-08-24T00:00:00.000Z', '2026-11-22T00:00:00.000Z', 1, 50])
  })

  it('should let service_request_id override every other filter', () => {
    const out = parseRequestsQuery(
      q({ service_request_id: 'BL-1, BL-2', status: 'open', service_code: 'a.b', page: '3' }),
      now,
    )
    expect(out.ok && out.query).toMatchObject({
      ids: ['BL-1', 'BL-2'],
      status: null,
      serviceCodes: null,
      page: 1,
      pageSize: 2,
    })
  })

  it('should read comma separated service codes and a status', () => {
    const out = parseRequestsQuery(q({ service_code: 'a.b,c.d', status: 'closed' }), now)
    expect(out.ok && out.query).toMatchObject({ ids: null, serviceCodes: ['a.b', 'c.d'], status: 'closed' })
  })

  it('should read repeated service_code and status parameters as lists', () => {
    const out = parseRequestsQuery(q({ service_code: ['a.b', 'c.d,e.f'], status: ['open', 'closed'] }), now)
    expect(out.ok && out.query).toMatchObject({ serviceCodes: ['a.b', 'c.d', 'e.f'], status: null })
  })

  it('should take status=open,closed as both', () => {
    const out = parseRequestsQuery(q({ status: 'open,closed' }), now)
    expect(out.ok && out.query.status).toBeNull()
  })

  it('should read repeated and comma separated ids together', () => {
    const out = parseRequestsQuery(q({ service_request_id: ['BL-1,BL-2', 'BL-3', 'BL-1'] }), now)
    expect(out.ok && out.query.ids).toEqual(['BL-1', 'BL-2', 'BL-3'])
  })

  it('should take 100 ids and refuse 101', () => {
    const ids = (n: number) =>
      Array.from({ length: n }, (_x, i) => `BL-20261122-${String(i).padStart(4, '0')}`).join(',')
    expect(parseRequestsQuery(q({ service_request_id: ids(100) }), now).ok).toBe(true)
    expect(parseRequestsQuery(q({ service_request_id: ids(101) }), now)).toEqual({
      ok: false,
      errors: [{ code: 400, description: 'too many service_request_id: 101, at most 100 per request' }],
    })
  })

  it('should page within the first 1000 requests', () => {
    const out = parseRequestsQuery(q({ page: '5', page_size: '200' }), now)
    expect(out.ok && [out.query.page, out.query.pageSize]).toEqual([5, 200])
  })

  it.each([
    [{ status: 'pending' }, 'status must be open or closed (comma delimited), not pending'],
    [{ start_date: 'yesterday' }, 'start_date and end_date must be W3C date/times, e.g. 2026-11-01T00:00:00+08:00'],
    [
      { start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-06-01T00:00:00+08:00' },
      'the date range may not span more than 90 days',
    ],
    [
      { start_date: '2026-06-01T00:00:00+08:00', end_date: '2026-01-01T00:00:00+08:00' },
      'end_date is before start_date',
    ],
    [{ page_size: '201' }, 'page_size must be a whole number from 1 to 200'],
    [{ page: '0' }, 'page must be a whole number from 1 to 1000'],
    [
      { page: '6', page_size: '200' },
      'page 6 starts past the first 1000 requests of this query: narrow start_date and end_date instead',
    ],
  ])('should refuse %o', (fields, description) => {
    expect(parseRequestsQuery(q(fields), now)).toEqual({ ok: false, errors: [{ code: 400, description }] })
  })
})
