import { z } from 'zod'
import { ATTENDANCE_STATUSES, CHECK_IN_LIMITS as L, CHECK_IN_WAYS } from './events-attendance-labels'

export * from './events-attendance-labels'

/*
 * 活动签到、出勤与服务时长 (issue 12): the check-in actions of the `events` function. The
 * names `myCode {eventId}`, `checkIn {eventId, code}`, `selfCheckIn {eventId, venueCode}` and
 * `attendance {eventId}` are used by tools outside the app and must not change.
 * `EventsContract` (types/events.ts) takes these actions in as they are.
 */

const Id = z.string().trim().min(1, '缺少编号').max(128)
const Iso = z.string().min(1)
const EventRef = z.object({ eventId: Id })
/** What a scanner read or staff typed; spaces and dashes are ignored, case too. */
const CodeText = z.string().trim().min(4, '请输入签到码').max(64, '签到码不对，请核对后重输')
/** When an offline device scanned; the server keeps the earlier of this and now, within the window. */
const ScannedAt = z.string().datetime({ message: '扫码时间格式不对' }).optional()
const Reason = z.string().trim().min(2, '请写明原因').max(L.reasonMax, `原因最多${L.reasonMax}个字`)

export const CheckInWaySchema = z.enum(CHECK_IN_WAYS)
export const AttendanceStatusSchema = z.enum(ATTENDANCE_STATUSES)

/**
 * One person on the check-in list. `id` is opaque (never a registration id or an openid);
 * staff see the name and the last four digits of the phone, which is how people are found.
 * `status` `expected`: confirmed and not yet checked in.
 */
export const AttendeeSchema = z.object({
  id: z.string(),
  name: z.string(),
  phoneTail: z.string(),
  registered: z.boolean(),
  guests: z.number().int(),
  status: z.enum(['expected', ...ATTENDANCE_STATUSES]),
  way: CheckInWaySchema.nullable(),
  checkedInAt: Iso.nullable(),
  checkOutAt: Iso.nullable(),
  /** Service hours credited for this event; null until the sweep after the end (or when none apply). */
  hours: z.number().nullable(),
  reversal: z.object({ reason: z.string(), at: Iso }).nullable(),
})
export type Attendee = z.infer<typeof AttendeeSchema>

/** `already`: this person was checked in before (a second scan, another device): nothing changed. */
export const CheckInResultSchema = z.object({ outcome: z.enum(['checked_in', 'already']), attendee: AttendeeSchema })
export type CheckInResult = z.infer<typeof CheckInResultSchema>

export const CheckInWindowSchema = z.object({ opensAt: Iso, closesAt: Iso })

export const AttendanceSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  window: CheckInWindowSchema,
  /** Whether this event credits service hours (志愿服务) and records check-out. */
  servesHours: z.boolean(),
  /** Set once the sweep after the end has marked absences and credited hours. */
  closedAt: Iso.nullable(),
  counts: z.object({
    /** Confirmed registrations. */
    confirmed: z.number().int(),
    present: z.number().int(),
    absent: z.number().int(),
    walkIns: z.number().int(),
    /** Present registered people ÷ confirmed; null before anyone is confirmed. */
    rate: z.number().nullable(),
  }),
  items: z.array(AttendeeSchema),
})
export type Attendance = z.infer<typeof AttendanceSchema>

/** One line of 志愿服务记录: a fulfilled wish or an event attended. */
export const ServiceRecordSchema = z.object({
  id: z.string(),
  source: z.enum(['wish', 'event']),
  title: z.string(),
  hours: z.number(),
  creditedAt: Iso,
  link: z.string(),
})
export type ServiceRecord = z.infer<typeof ServiceRecordSchema>

/** The check-in actions, spread into `EventsContract`. */
export const ATTENDANCE_ACTIONS = {
  // resident side
  myCode: {
    input: EventRef,
    output: z.object({
      code: z.string(),
      display: z.string(),
      window: CheckInWindowSchema,
      checkedInAt: Iso.nullable(),
    }),
  },
  selfCheckIn: {
    input: EventRef.extend({ venueCode: CodeText }),
    output: z.object({ outcome: z.enum(['checked_in', 'already']), checkedInAt: Iso }),
  },
  /** A 小程序码 carries only its scene: which event a venue code belongs to. */
  venueEvent: {
    input: z.object({ venueCode: CodeText }),
    output: z.object({ eventId: z.string(), title: z.string() }),
  },
  myService: {
    input: z.object({}),
    output: z.object({
      totalHours: z.number(),
      eventHours: z.number(),
      wishHours: z.number(),
      items: z.array(ServiceRecordSchema),
    }),
  },
  // staff side
  checkIn: { input: EventRef.extend({ code: CodeText, scannedAt: ScannedAt }), output: CheckInResultSchema },
  checkInPerson: { input: EventRef.extend({ attendeeId: Id, scannedAt: ScannedAt }), output: CheckInResultSchema },
  walkIn: {
    input: EventRef.extend({
      name: z.string().trim().min(1, '请填写姓名').max(20, '姓名最多20个字'),
      phone: z
        .union([
          z.literal(''),
          z
            .string()
            .trim()
            .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码，没有可不填'),
        ])
        .default(''),
      scannedAt: ScannedAt,
    }),
    output: CheckInResultSchema,
  },
  checkOut: { input: EventRef.extend({ attendeeId: Id }), output: AttendeeSchema },
  venueCode: {
    input: EventRef,
    output: z.object({
      venueCode: z.string(),
      scene: z.string().max(32),
      path: z.string(),
      window: CheckInWindowSchema,
    }),
  },
  attendance: {
    input: EventRef.extend({ q: z.string().trim().max(L.searchMax).optional() }),
    output: AttendanceSchema,
  },
  reverseHours: { input: EventRef.extend({ attendeeId: Id, reason: Reason }), output: AttendeeSchema },
} as const
