import ExcelJS from 'exceljs'
import { COLLECTIONS } from '../core/collections'
import { eventsHarness, expectOk, RESIDENT, RESIDENT_2, SECRETARY, VOLUNTEER, type EventsHarness } from './test-helpers'

/*
 * No openid reaches anyone but its owner: every answer staff get about people (roster,
 * 代报名, approval, check-in, attendance, the Excel export) is scanned for the openid of
 * every account the test knows.
 */

const DURING = '2026-12-05T06:40:00.000Z'

let h: EventsHarness
beforeEach(async () => {
  h = await eventsHarness()
})
afterEach(async () => {
  await h.env.close()
})

async function everyOpenid(): Promise<string[]> {
  const users = await h.env.docs<{ _id: string }>(COLLECTIONS.users)
  const roles = await h.env.docs<{ openid: string }>(COLLECTIONS.roleAssignments)
  return [...new Set([...users.map((u) => u._id), ...roles.map((r) => r.openid)])]
}

async function cellsOf(fileId: string): Promise<string> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load((await h.env.rt.storage.read(fileId)) as unknown as ExcelJS.Buffer)
  const cells: string[] = []
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))))
  return cells.join('\n')
}

describe('events staff answers', () => {
  it('should carry no openid in the roster, 代报名, approval, check-in, attendance or the export', async () => {
    const answers: Array<[string, unknown]> = []
    const staff = async <T>(action: string, input: Record<string, unknown>): Promise<T> => {
      const data = expectOk(await h.as<T>(SECRETARY, action, input))
      answers.push([action, data])
      return data
    }

    const id = await h.published({ capacity: 3, reservedSeats: 1 })
    for (const p of [RESIDENT, RESIDENT_2, VOLUNTEER]) expectOk(await h.signUp(p, id))
    await staff('proxySignUp', {
      eventId: id,
      clientRequestId: 'privacy-proxy-1',
      name: '孙大爷',
      phone: '13800001111',
    })
    await staff('roster', { eventId: id })
    await staff('manage', { unitId: 'c-dongxianmen' })
    await staff('get', { eventId: id })

    const gated = await h.published({ capacity: 5, approvalRequired: true })
    expectOk(await h.signUp(RESIDENT, gated))
    const pending = await staff<{ items: Array<{ id: string; status: string }> }>('roster', { eventId: gated })
    await staff('decide', { eventId: gated, registrationId: pending.items[0]!.id, approve: true })

    const exported = await staff<{ fileId: string }>('exportRoster', { eventId: id })
    answers.push(['exportRoster (cells)', await cellsOf(exported.fileId)])

    const code = expectOk(await h.as<{ code: string }>(RESIDENT, 'myCode', { eventId: id })).code
    h.env.clock.set(DURING)
    await staff('checkIn', { eventId: id, code })
    const list = await staff<{ items: Array<{ id: string; status: string }> }>('attendance', { eventId: id })
    const expected = list.items.find((a) => a.status === 'expected')!
    await staff('checkInPerson', { eventId: id, attendeeId: expected.id })
    await staff('walkIn', { eventId: id, name: '路过的居民', phone: '13900009999' })
    await staff('attendance', { eventId: id })

    const openids = await everyOpenid()
    expect(openids).toEqual(expect.arrayContaining([RESIDENT, RESIDENT_2, VOLUNTEER, SECRETARY]))
    const leaks = answers.flatMap(([action, data]) => {
      const text = typeof data === 'string' ? data : JSON.stringify(data)
      return openids.filter((o) => text.includes(o)).map((o) => `${action}: ${o}`)
    })
    expect(leaks).toEqual([])
  })
})
