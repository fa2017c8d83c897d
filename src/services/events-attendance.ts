import type { InputOf, OutputOf } from '../../types/contract'
import type { EventsContract } from '../../types/events'
import { client } from './transport/client'

type C = typeof EventsContract
const events = client<C>('events')

export type MyCode = OutputOf<C, 'myCode'>
export type Attendance = OutputOf<C, 'attendance'>
export type Attendee = Attendance['items'][number]
export type CheckInResult = OutputOf<C, 'checkIn'>
export type VenueCode = OutputOf<C, 'venueCode'>
export type MyService = OutputOf<C, 'myService'>
export type WalkInInput = InputOf<C, 'walkIn'>

/**
 * Check-in, attendance and service hours (the check-in actions of the `events` function):
 * residents show their code, scan the venue code and read their 志愿服务记录; organisers
 * check people in three ways, read the list at the door, record check-out and reverse hours.
 * Every call rejects with a CallError whose message can be shown as is.
 */
export const attendanceService = {
  myCode: (eventId: string) => events('myCode', { eventId }),
  selfCheckIn: (eventId: string, venueCode: string) => events('selfCheckIn', { eventId, venueCode }),
  venueEvent: (venueCode: string) => events('venueEvent', { venueCode }),
  myService: () => events('myService', {}),
  checkIn: (eventId: string, code: string, scannedAt?: string) => events('checkIn', { eventId, code, scannedAt }),
  checkInPerson: (eventId: string, attendeeId: string, scannedAt?: string) =>
    events('checkInPerson', { eventId, attendeeId, scannedAt }),
  walkIn: (input: WalkInInput) => events('walkIn', input),
  checkOut: (eventId: string, attendeeId: string) => events('checkOut', { eventId, attendeeId }),
  venueCode: (eventId: string) => events('venueCode', { eventId }),
  attendance: (eventId: string, q?: string) => events('attendance', { eventId, q: q || undefined }),
  reverseHours: (eventId: string, attendeeId: string, reason: string) =>
    events('reverseHours', { eventId, attendeeId, reason }),
}

export type Minutes = OutputOf<C, 'minutes'>
export type RaiseCaseInput = InputOf<C, 'raiseCase'>

/** 活动纪要: the minutes of an event, and issues raised there entered as 诉求 in one step. */
export const minutesService = {
  get: (eventId: string) => events('minutes', { eventId }),
  save: (eventId: string, summary: string, photos: string[]) => events('saveMinutes', { eventId, summary, photos }),
  raiseCase: (input: RaiseCaseInput) => events('raiseCase', input),
}
