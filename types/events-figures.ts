import { z } from 'zod'
import { EVENT_KIND_KEYS } from './events-labels'
import { MONTHLY_KINDS } from './events-figures-labels'

export * from './events-figures-labels'

/*
 * 活动统计 (issue 12): per community per month, next to the case figures — events by kind,
 * whether each community held its monthly 板凳会 / 老党员讲故事 / 党史知识竞赛, sign-ups,
 * attendance, no-shows, the party members' share of attendees, service hours credited.
 * An event belongs to the Shanghai month it starts in. Attendance counts come from events
 * whose attendance is closed (the sweep after the end), so a month still running shows what
 * has happened so far, never a half-taken register.
 * `EventsContract` (types/events.ts) takes these actions in as they are.
 */

const Id = z.string().trim().min(1, '缺少编号').max(128)

/** `2026-11`: a calendar month. */
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11')
  .refine((s) => s >= '2020-01' && s <= '2099-12', '请选择 2020 年以后的月份')

/** What adds up across events, communities and months. */
export const EventFigureCountsSchema = z.object({
  /** Published events starting in the month (cancelled ones excluded). */
  events: z.number().int(),
  /** Of them, the ones held: ended, attendance closed. */
  held: z.number().int(),
  /** Confirmed registrations of the held events (present + absent). */
  signUps: z.number().int(),
  /** Registered people who checked in. */
  present: z.number().int(),
  /** Confirmed people who never checked in. */
  absent: z.number().int(),
  /** People checked in without a registration (现场补登). */
  walkIns: z.number().int(),
  /** Everyone checked in (registered and walk-ins). */
  attendees: z.number().int(),
  /** Attendees who are 党员 (verified 双报到). */
  partyMembers: z.number().int(),
  /** Service hours credited, reversals taken off. */
  hours: z.number(),
  /** Attendees' 1-tap ratings. */
  rated: z.number().int(),
  satisfiedOrBasically: z.number().int(),
})
export type EventFigureCounts = z.infer<typeof EventFigureCountsSchema>

/** The counts with their rates; a rate with nothing to divide by is null, not 0. */
export const EventFiguresSchema = EventFigureCountsSchema.extend({
  /** present ÷ signUps. */
  attendanceRate: z.number().nullable(),
  /** absent ÷ signUps. */
  noShowRate: z.number().nullable(),
  /** partyMembers ÷ attendees. */
  partyShare: z.number().nullable(),
  /** (满意 + 基本满意) ÷ rated. */
  satisfactionRate: z.number().nullable(),
})
export type EventFigures = z.infer<typeof EventFiguresSchema>

export const MonthlyKindSchema = z.enum(MONTHLY_KINDS)

/** One community's (or an organising street's own) month. */
export const UnitEventFiguresSchema = EventFiguresSchema.extend({
  unitId: z.string(),
  unitName: z.string(),
  byKind: z.array(z.object({ kind: z.enum(EVENT_KIND_KEYS), events: z.number().int() })),
  /** Whether it held at least one of each monthly kind this month. */
  monthly: z.array(z.object({ kind: MonthlyKindSchema, held: z.boolean() })),
})
export type UnitEventFigures = z.infer<typeof UnitEventFiguresSchema>

export const EventFiguresOutputSchema = z.object({
  month: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  total: EventFiguresSchema,
  units: z.array(UnitEventFiguresSchema),
})
export type EventFiguresReport = z.infer<typeof EventFiguresOutputSchema>

const FiguresInputSchema = z.object({ unitId: Id, month: MonthSchema })

export const FIGURES_ACTIONS = {
  figures: { input: FiguresInputSchema, output: EventFiguresOutputSchema },
  exportFigures: {
    input: FiguresInputSchema,
    output: z.object({ fileId: z.string(), url: z.string(), fileName: z.string(), rowCount: z.number().int() }),
  },
} as const
