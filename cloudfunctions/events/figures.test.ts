import ExcelJS from 'exceljs'
import type { Attendance } from '../../types/events-attendance'
import type { EventFiguresReport } from '../../types/events-figures'
import { COLLECTIONS } from '../core/collections'
import { SHEET_HEADER } from './figures'
import {
  COMMUNITY,
  errorOf,
  expectTalliesRecount,
  eventsHarness,
  expectOk,
  OTHER_COMMUNITY,
  RESIDENT,
  RESIDENT_2,
  SECRETARY,
  STREET,
  STREET_STAFF,
  type EventsHarness,
} from './test-helpers'

/*
 * 活动统计 with the clock set across the end of November (Shanghai). The harness starts at
 * 10:00 on Monday 2026-11-30. A 板凳会 that evening (19:00–20:30) belongs to November; a
 * 老党员讲故事 at 07:30 on 1 December belongs to December although it is still 30 November
 * in UTC (23:30).
 */

const BENCH_CHECK_IN = '2026-11-30T11:05:00.000Z'
const BENCH_ENDED = '2026-11-30T12:31:00.000Z'
const STORY_ENDED = '2026-12-01T00:31:00.000Z'

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await expectTalliesRecount(h.env)
  await h.env.close()
})

const figures = async (as: string, unitId: string, month: string) =>
  expectOk(await h.as<EventFiguresReport>(as, 'figures', { unitId, month }))
const rowOf = (r: EventFiguresReport, unitId: string) => r.units.find((u) => u.unitId === unitId)!

/** The evening 板凳会: RESIDENT (a 党员) checked in by code, RESIDENT_2 never comes, a walk-in added. */
async function benchMeetingHeld(): Promise<string> {
  await h.env.rt.db.collection(COLLECTIONS.users).doc(RESIDENT).update({ partyMember: true })
  const id = await h.published({ capacity: 10, date: '2026-11-30', startTime: '19:00', endTime: '20:30' })
  expectOk(await h.signUp(RESIDENT, id))
  expectOk(await h.signUp(RESIDENT_2, id))
  const { code } = expectOk(await h.as<{ code: string }>(RESIDENT, 'myCode', { eventId: id }))
  h.env.clock.set(BENCH_CHECK_IN)
  expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code }))
  expectOk(await h.as(SECRETARY, 'walkIn', { eventId: id, name: '王大爷' }))
  h.env.clock.set(BENCH_ENDED)
  await h.sweep()
  return id
}

describe('events.figures', () => {
  it('should count a held 板凳会 in its community and month: sign-ups, attendance, no-shows, party share', async () => {
    await benchMeetingHeld()
    const nov = await figures(SECRETARY, COMMUNITY, '2026-11')
    expect(nov.units.map((u) => u.unitId)).toEqual([COMMUNITY])
    expect(rowOf(nov, COMMUNITY)).toMatchObject({
      events: 1,
      held: 1,
      signUps: 2,
      present: 1,
      absent: 1,
      walkIns: 1,
      attendees: 2,
      partyMembers: 1,
      hours: 0,
      attendanceRate: 0.5,
      noShowRate: 0.5,
      partyShare: 0.5,
      satisfactionRate: null,
      byKind: [{ kind: 'bench_meeting', events: 1 }],
      monthly: [
        { kind: 'bench_meeting', held: true },
        { kind: 'party_story', held: false },
        { kind: 'party_quiz', held: false },
      ],
    })
    expect(nov.total).toMatchObject({ events: 1, signUps: 2, attendees: 2 })
  })

  it('should put an event in the Shanghai month it starts in, and count it held only once it ended', async () => {
    await benchMeetingHeld()
    await h.published({
      kind: 'party_story',
      title: '老党员讲故事：东县门的老街坊',
      date: '2026-12-01',
      startTime: '07:30',
      endTime: '08:30',
    })
    const before = rowOf(await figures(SECRETARY, COMMUNITY, '2026-12'), COMMUNITY)
    expect(before).toMatchObject({ events: 1, held: 0, signUps: 0, attendanceRate: null })
    expect(before.monthly.find((m) => m.kind === 'party_story')?.held).toBe(false)
    expect(rowOf(await figures(SECRETARY, COMMUNITY, '2026-11'), COMMUNITY).events).toBe(1)

    h.env.clock.set(STORY_ENDED)
    await h.sweep()
    const after = rowOf(await figures(SECRETARY, COMMUNITY, '2026-12'), COMMUNITY)
    expect(after).toMatchObject({ events: 1, held: 1, byKind: [{ kind: 'party_story', events: 1 }] })
    expect(after.monthly.find((m) => m.kind === 'party_story')?.held).toBe(true)
    expect(rowOf(await figures(SECRETARY, COMMUNITY, '2026-11'), COMMUNITY)).toMatchObject({ events: 1, held: 1 })
  })

  it('should leave cancelled events out and follow a late check-in and a reversal of hours', async () => {
    const cancelled = await h.published({
      title: '板凳会：改期',
      date: '2026-11-30',
      startTime: '18:00',
      endTime: '18:30',
    })
    expectOk(await h.as(SECRETARY, 'cancelEvent', { eventId: cancelled, reason: '场地临时有事' }))
    const id = await h.published({
      kind: 'volunteer_service',
      title: '志愿服务：清扫楼院',
      capacity: 5,
      date: '2026-11-30',
      startTime: '19:00',
      endTime: '20:30',
    })
    expectOk(await h.signUp(RESIDENT, id))
    const { code } = expectOk(await h.as<{ code: string }>(RESIDENT, 'myCode', { eventId: id }))
    h.env.clock.set(BENCH_ENDED)
    await h.sweep()
    expect(rowOf(await figures(SECRETARY, COMMUNITY, '2026-11'), COMMUNITY)).toMatchObject({
      events: 1,
      absent: 1,
      present: 0,
      noShowRate: 1,
    })
    // The offline device's scan arrives after the sweep: the absence becomes attendance, with its hours.
    expectOk(await h.as(SECRETARY, 'checkIn', { eventId: id, code, scannedAt: BENCH_CHECK_IN }))
    expect(rowOf(await figures(SECRETARY, COMMUNITY, '2026-11'), COMMUNITY)).toMatchObject({
      absent: 0,
      present: 1,
      attendanceRate: 1,
      hours: 1.5,
    })
    const person = expectOk(await h.as<Attendance>(SECRETARY, 'attendance', { eventId: id })).items[0]!
    expectOk(await h.as(SECRETARY, 'reverseHours', { eventId: id, attendeeId: person.id, reason: '签到后提前离开' }))
    expect(rowOf(await figures(SECRETARY, COMMUNITY, '2026-11'), COMMUNITY).hours).toBe(0)
  })

  it('should show street staff every community of the street, those that held nothing as noes', async () => {
    await benchMeetingHeld()
    const street = await figures(STREET_STAFF, STREET, '2026-11')
    expect(street.units.map((u) => u.unitId)).toEqual(expect.arrayContaining([COMMUNITY, OTHER_COMMUNITY]))
    expect(rowOf(street, OTHER_COMMUNITY)).toMatchObject({ events: 0, held: 0, attendanceRate: null })
    expect(rowOf(street, OTHER_COMMUNITY).monthly.every((m) => !m.held)).toBe(true)
    expect(street.total).toMatchObject({ events: 1, signUps: 2, present: 1 })
  })

  it('should refuse a community asking for its street or another community, and a resident', async () => {
    expect(errorOf(await h.as(SECRETARY, 'figures', { unitId: STREET, month: '2026-11' })).code).toBe('FORBIDDEN')
    expect(errorOf(await h.as(SECRETARY, 'figures', { unitId: OTHER_COMMUNITY, month: '2026-11' })).code).toBe(
      'FORBIDDEN',
    )
    expect(errorOf(await h.as(RESIDENT, 'figures', { unitId: COMMUNITY, month: '2026-11' })).code).toBe('FORBIDDEN')
  })

  it('should refuse a month that does not exist', async () => {
    const res = await h.as(SECRETARY, 'figures', { unitId: COMMUNITY, month: '2026-13' })
    expect(errorOf(res).code).toBe('BAD_REQUEST')
  })
})

describe('events.exportFigures', () => {
  it('should export one row per community and the total, equal to the figures', async () => {
    await benchMeetingHeld()
    const report = await figures(STREET_STAFF, STREET, '2026-11')
    const file = expectOk(
      await h.as<{ fileId: string; fileName: string; rowCount: number }>(STREET_STAFF, 'exportFigures', {
        unitId: STREET,
        month: '2026-11',
      }),
    )
    expect(file.fileName).toBe(`${report.unitName}活动统计2026年11月.xlsx`)
    expect(file.rowCount).toBe(report.units.length)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await h.env.storedFile(file.fileId)) as unknown as ExcelJS.Buffer)
    const sheet = book.getWorksheet('活动统计')!
    const rows = sheet.getSheetValues().slice(1) as unknown[][]
    const cells = (r: unknown[]) => r.slice(1)
    expect(cells(rows[0]!)).toEqual(SHEET_HEADER)
    const byName = new Map(rows.slice(1).map((r) => [r[1], cells(r)]))
    for (const u of report.units) {
      const r = byName.get(u.unitName)!
      const col = (header: string) => r[SHEET_HEADER.indexOf(header)]
      expect([col('活动场次'), col('已举办'), col('报名人数'), col('签到人数'), col('缺席人数')]).toEqual([
        u.events,
        u.held,
        u.signUps,
        u.present,
        u.absent,
      ])
      expect([col('现场补登'), col('参加人数'), col('其中党员'), col('服务时长（小时）')]).toEqual([
        u.walkIns,
        u.attendees,
        u.partyMembers,
        u.hours,
      ])
      expect(
        u.monthly.map((m) =>
          col({ bench_meeting: '板凳会', party_story: '老党员讲故事', party_quiz: '党史知识竞赛' }[m.kind]),
        ),
      ).toEqual(u.monthly.map((m) => (m.held ? '是' : '否')))
    }
    expect(byName.get('合计')![SHEET_HEADER.indexOf('报名人数')]).toBe(report.total.signUps)
    expect(byName.get(rowOf(report, COMMUNITY).unitName)![SHEET_HEADER.indexOf('出勤率')]).toBe('50%')
  })

  it('should refuse a resident', async () => {
    const res = await h.as(RESIDENT, 'exportFigures', { unitId: COMMUNITY, month: '2026-11' })
    expect(errorOf(res).code).toBe('FORBIDDEN')
  })
})
